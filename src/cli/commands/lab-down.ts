// `thrice lab down`: removes exactly what the lab's state file records, then checks that nothing of it is left.
import { readState } from '../../lab/lab-state.js';
import { labDown } from '../../lab/lab-down.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { type LabLocationOptions, findLab } from './lab-location.js';
import { runLabAction } from './lab-action.js';

export function runLabDown(spec: string | undefined, opts: LabLocationOptions): number {
  const location = findLab(spec, opts);
  if (!location.ok) {
    process.stderr.write(`thrice lab: ${location.message}\n`);
    return EXIT_USAGE;
  }
  return runLabAction(() => {
    const state = readState(location.dir);
    if (!state) {
      process.stdout.write(`no lab recorded in ${location.dir}; nothing to do\n`);
      return EXIT_OK;
    }
    process.stdout.write(`thrice lab down: ${state.name} in ${state.dir}\n`);
    const report = labDown(state, (l) => process.stdout.write(`  ${l}\n`));
    if (report.left.length > 0) {
      process.stderr.write(`thrice lab: still there after down:\n${report.left.map((l) => `  - ${l}\n`).join('')}`);
      return EXIT_ERRORS;
    }
    process.stdout.write('the lab is gone: no namespace, process, mount or file of it is left\n');
    return EXIT_OK;
  });
}
