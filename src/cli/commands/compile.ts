// `thrice compile <spec> -o <dir>`: validate, allocate, emit; write the output directory and the lock file atomically.
import { existsSync, readFileSync } from 'node:fs';
import { compileTopology } from '../../compile/pipeline.js';
import { type OutputFormat, createReporter, displayPath } from '../report.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { OutputDirError, writeFileAtomic, writeOutputDir } from '../write-output-dir.js';
import { THRICE_VERSION } from '../version.js';
import { readInputs } from './read-inputs.js';

export function runCompile(specPath: string, opts: { out: string; format: OutputFormat; locked?: boolean }): number {
  const read = readInputs(specPath);
  if (!read.ok) return EXIT_USAGE;
  const reporter = createReporter(opts.format);
  const result = compileTopology(read.input);
  const diagnostics = [...result.diagnostics];
  const previousLock = existsSync(read.lockPath) ? readFileSync(read.lockPath, 'utf8') : undefined;
  const lockChanged = result.lockText !== undefined && result.lockText !== previousLock;
  if (opts.locked && lockChanged && result.outputs) {
    diagnostics.push({
      code: 'lock-outdated',
      severity: 'error',
      message: `${displayPath(read.lockPath)} is missing or out of date and --locked forbids updating it`,
      location: { file: read.input.spec.file, line: 1, column: 1, endLine: 1, endColumn: 1 },
      related: [],
      hint: 'run `thrice compile` without --locked and commit the lock file',
    });
  }
  const failed = diagnostics.some((d) => d.severity === 'error') || !result.outputs;
  reporter.diagnostics(diagnostics, read.sources);
  if (failed || !result.outputs) return EXIT_ERRORS;
  try {
    writeOutputDir(opts.out, result.outputs, `thrice ${THRICE_VERSION}`);
  } catch (error) {
    if (error instanceof OutputDirError) {
      process.stderr.write(`thrice: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  if (lockChanged && result.lockText !== undefined) writeFileAtomic(read.lockPath, result.lockText);
  if (opts.format === 'text') {
    process.stdout.write(`compiled ${read.input.spec.file}: ${result.outputs.length} files in ${opts.out}${lockChanged ? `; updated ${displayPath(read.lockPath)}` : ''}\n`);
  }
  return EXIT_OK;
}
