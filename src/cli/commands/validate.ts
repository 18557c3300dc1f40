// `thrice validate <spec>`: every check up to the IR, nothing written.
import { buildTopology } from '../../compile/pipeline.js';
import { type OutputFormat, createReporter } from '../report.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { type InputOptions, readInputs } from './read-inputs.js';

export function runValidate(specPath: string, opts: { format: OutputFormat } & InputOptions): number {
  const read = readInputs(specPath, opts);
  if (!read.ok) return EXIT_USAGE;
  const result = buildTopology(read.input);
  createReporter(opts.format).diagnostics(result.diagnostics, read.sources);
  return result.diagnostics.some((d) => d.severity === 'error') ? EXIT_ERRORS : EXIT_OK;
}
