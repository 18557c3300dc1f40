// `thrice lab up <spec>`: compile with the real pipeline, then stand the outputs up in namespaces (see src/lab/lab-up.ts).
import { resolve } from 'node:path';
import { compileTopology } from '../../compile/pipeline.js';
import { labUp } from '../../lab/lab-up.js';
import { readState } from '../../lab/lab-state.js';
import { createReporter } from '../report.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { type InputOptions, readInputs } from './read-inputs.js';
import { type LabLocationOptions, labLocationFor } from './lab-location.js';
import { runLabAction, runLabActionAsync } from './lab-action.js';
import { labUpInVm } from '../../lab/vm/lab-vm-up.js';

export interface LabUpOptions extends LabLocationOptions {
  readonly kernel?: 'host' | 'vm';
}

export async function runLabUp(specPath: string, opts: LabUpOptions & InputOptions): Promise<number> {
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
  process.stdout.write(`thrice lab up: ${ir.name} as lab ${location.name} in ${location.dir}${opts.kernel === 'vm' ? ', in a VM' : ''}\n`);
  const hint = (): string | undefined =>
    readState(location.dir)
      ? `what was created is recorded in ${location.dir}: \`thrice lab down --dir ${location.dir}\` removes it, \`thrice lab up\` again replaces it`
      : undefined;
  const progress = (l: string): void => void process.stdout.write(`${l}\n`);
  if (opts.kernel === 'vm') {
    return runLabActionAsync(async () => {
      const up = await labUpInVm({ ...location, specPath: resolve(specPath), specText: read.input.spec.text, spec, ir, outputs, progress });
      printUp(up.seconds, up.state.differences, specPath);
      return EXIT_OK;
    }, hint);
  }
  return runLabAction(() => {
    const up = labUp({ ...location, specPath: resolve(specPath), specText: read.input.spec.text, spec, ir, outputs, progress });
    printUp(up.seconds, up.state.differences, specPath);
    return EXIT_OK;
  }, hint);
}

function printUp(seconds: number, differences: readonly string[], specPath: string): void {
  process.stdout.write(`up in ${seconds.toFixed(1)} s. What the lab does differently from the generated outputs:\n`);
  for (const d of differences) process.stdout.write(`  - ${d}\n`);
  process.stdout.write(`next: thrice lab verify ${specPath}   (waits for BGP and EVPN, then probes every intent)\n`);
}
