// `thrice lab status`: what the state file records and whether each piece still exists, plus how to look inside.
import { readState } from '../../lab/lab-state.js';
import { isRunning } from '../../lab/lab-processes.js';
import { netnsExists } from '../../lab/netns.js';
import { frrPaths } from '../../lab/frr-daemons.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { type LabLocationOptions, findLab } from './lab-location.js';

export function runLabStatus(spec: string | undefined, opts: LabLocationOptions): number {
  const location = findLab(spec, opts);
  if (!location.ok) {
    process.stderr.write(`thrice lab: ${location.message}\n`);
    return EXIT_USAGE;
  }
  const state = readState(location.dir);
  if (!state) {
    process.stdout.write(`no lab recorded in ${location.dir}\n`);
    return EXIT_ERRORS;
  }
  const missingNs = state.namespaces.filter((n) => !netnsExists(n));
  const daemons = state.processes.filter((p) => p.role === 'zebra' || p.role === 'bgpd');
  const deadDaemons = daemons.filter((p) => !isRunning(p));
  const healthy = state.phase === 'up' && missingNs.length === 0 && deadDaemons.length === 0;
  const out = [
    `lab ${state.name}: ${healthy ? 'up' : state.phase === 'up' ? 'DAMAGED' : 'INCOMPLETE (up did not finish)'}`,
    `  spec        ${state.spec}`,
    `  directory   ${state.dir}  (outputs in out/, FRR files and logs in frr/<switch>/)`,
    `  created     ${state.createdAt}`,
    `  namespaces  ${state.namespaces.length - missingNs.length} of ${state.namespaces.length}${missingNs.length ? ` (missing: ${missingNs.join(', ')})` : ''}`,
    `  daemons     ${daemons.length - deadDaemons.length} of ${daemons.length} running${deadDaemons.length ? ` (dead: ${deadDaemons.map((p) => `${p.role} of ${p.device}`).join(', ')})` : ''}`,
    `  mounts      ${state.mounts.length}`,
    '  look inside: ip netns exec <namespace> <command>;  vtysh --vty_socket ' + frrPaths(state.dir, '<switch>').dir + " -c 'show bgp summary'",
    ...(state.differences.length ? ['  differences from the generated outputs:', ...state.differences.map((d) => `    - ${d}`)] : []),
    ...(healthy ? [] : ['  `thrice lab up` again takes down what is recorded and builds the lab afresh']),
  ];
  process.stdout.write(out.join('\n') + '\n');
  return healthy ? EXIT_OK : EXIT_ERRORS;
}
