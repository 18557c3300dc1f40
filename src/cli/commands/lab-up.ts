// `thrice lab up <spec>`: compile with the real pipeline, then stand the outputs up in namespaces (see src/lab/lab-up.ts).
import { resolve } from 'node:path';
import { compileTopology } from '../../compile/pipeline.js';
import { labUp } from '../../lab/lab-up.js';
import { readState } from '../../lab/lab-state.js';
import { createReporter } from '../report.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { type InputOptions, readInputs } from './read-inputs.js';
import { type LabLocationOptions, labLocationFor } from './lab-location.js';
import { runLabAction } from './lab-action.js';

export function runLabUp(specPath: string, opts: LabLocationOptions & InputOptions): number {
  const read = readInputs(specPath, opts);
  if (!read.ok) return EXIT_USAGE;
  const result = compileTopology(read.input);
  createReporter('text').diagnostics(result.diagnostics, read.sources);
  if (!result.ir || !result.spec || !result.outputs || result.diagnostics.some((d) => d.severity === 'error')) return EXIT_ERRORS;
  const location = labLocationFor(result.ir.name, opts);
  if (!location.ok) {
    process.stderr.write(`thrice lab: ${location.message}\n`);
    return EXIT_USAGE;
  }
  const { ir, spec, outputs } = result;
  process.stdout.write(`thrice lab up: ${ir.name} as lab ${location.name} in ${location.dir}\n`);
  return runLabAction(() => {
    const up = labUp({ ...location, specPath: resolve(specPath), specText: read.input.spec.text, spec, ir, outputs, progress: (l) => process.stdout.write(`${l}\n`) });
    process.stdout.write(`up in ${up.seconds.toFixed(1)} s. What the lab does differently from the generated outputs:\n`);
    for (const d of up.state.differences) process.stdout.write(`  - ${d}\n`);
    process.stdout.write(`next: thrice lab verify ${specPath}   (waits for BGP and EVPN, then probes every intent)\n`);
    return EXIT_OK;
  }, () =>
    readState(location.dir)
      ? `what was created is recorded in ${location.dir}: \`thrice lab down --dir ${location.dir}\` removes it, \`thrice lab up\` again replaces it`
      : undefined,
  );
}
