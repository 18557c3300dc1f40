// `thrice compile <spec> -o <dir>`: validate, allocate, emit; write the output directory and the lock file as one transaction.
import { compileTopology } from '../../compile/pipeline.js';
import { type OutputFormat, createReporter, displayPath } from '../report.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { OutputDirError, writeOutputDir } from '../write-output-dir.js';
import { outputDirProblem } from '../output-dir-safety.js';
import { realPathOf } from '../inside-directory.js';
import { lockPathFor } from '../lock-path.js';
import { THRICE_VERSION } from '../version.js';
import { type InputOptions, readInputs } from './read-inputs.js';

export interface CompileOptions extends InputOptions {
  readonly out: string;
  readonly format: OutputFormat;
  readonly locked?: boolean;
}

export function runCompile(specPath: string, opts: CompileOptions): number {
  // Refused before anything is read or compiled: -o "" or -o / is a slip of the hand, not a spec problem.
  const early = outputDirProblem(opts.out, [realPathOf(specPath), realPathOf(lockPathFor(specPath))], displayPath);
  if (early) return usage(early);
  const read = readInputs(specPath, opts);
  if (!read.ok) return EXIT_USAGE;
  const reporter = createReporter(opts.format);
  const result = compileTopology(read.input);
  const diagnostics = [...result.diagnostics];
  const previousLock = read.input.lock?.text;
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
  // Manifests are known only now that the pipeline has read them.
  const refused = outputDirProblem(opts.out, read.readPaths, displayPath);
  if (refused) return usage(refused);
  try {
    const lock = lockChanged && result.lockText !== undefined ? { path: read.lockPath, contents: result.lockText } : undefined;
    writeOutputDir(opts.out, result.outputs, `thrice ${THRICE_VERSION}`, lock);
  } catch (error) {
    if (error instanceof OutputDirError) return usage(error.message);
    throw error;
  }
  if (opts.format === 'text') {
    process.stdout.write(`compiled ${read.input.spec.file}: ${result.outputs.length} files in ${opts.out}${lockChanged ? `; updated ${displayPath(read.lockPath)}` : ''}\n`);
  }
  return EXIT_OK;
}

function usage(message: string): number {
  process.stderr.write(`thrice: ${message}\n`);
  return EXIT_USAGE;
}
