// `thrice lab down`: removes exactly what the lab's state file records (and namespaces marked as the lab's), then checks that nothing of it is left.
import { readState } from '../../lab/lab-state.js';
import { labDown } from '../../lab/lab-down.js';
import { findLeftovers, removeNamespaces } from '../../lab/lab-leftovers.js';
import { count } from '../../lab/count.js';
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
    if (!state) return downUnrecorded(location.name, location.dir, location.nameKnown);
    process.stdout.write(`thrice lab down: ${state.name} in ${state.dir}\n`);
    const report = labDown(state, (l) => process.stdout.write(`  ${l}\n`));
    noteForeign(report.foreign);
    if (report.left.length > 0) return stillThere(report.left);
    process.stdout.write('the lab is gone: no namespace, process, mount or file of it is left\n');
    return EXIT_OK;
  });
}

/** No state here, but a crash before it was written (or an older thrice) may have left namespaces marked as this lab's. */
function downUnrecorded(name: string, dir: string, nameKnown: boolean): number {
  const { ours, foreign } = findLeftovers(name, dir, new Set(), nameKnown);
  if (ours.length === 0) {
    process.stdout.write(`no lab recorded in ${dir}; nothing to do\n`);
    noteForeign(foreign);
    return EXIT_OK;
  }
  process.stdout.write(`no lab recorded in ${dir}, but ${count(ours.length, 'namespace')} of lab ${name} ${ours.length === 1 ? 'is' : 'are'} left: ${ours.join(', ')}\n`);
  const left = removeNamespaces(ours);
  noteForeign(foreign);
  if (left.length > 0) return stillThere(left.map((n) => `namespace ${n}`));
  process.stdout.write(`deleted ${ours.length === 1 ? 'it' : 'them'}; nothing of lab ${name} is left\n`);
  return EXIT_OK;
}

function noteForeign(foreign: readonly string[]): void {
  if (foreign.length > 0) process.stdout.write(`note: left alone, named like this lab's but not marked as its: ${foreign.join(', ')}\n`);
}

function stillThere(left: readonly string[]): number {
  process.stderr.write(`thrice lab: still there after down:\n${left.map((l) => `  - ${l}\n`).join('')}`);
  return EXIT_ERRORS;
}
