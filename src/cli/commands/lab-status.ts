// `thrice lab status`: what the state file records and whether each piece still exists, plus how to look inside.
import { type LabState, readState } from '../../lab/lab-state.js';
import { findLeftovers } from '../../lab/lab-leftovers.js';
import { isRunning } from '../../lab/lab-processes.js';
import { netnsExists } from '../../lab/netns.js';
import { frrPaths } from '../../lab/frr-daemons.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { type LabLocationOptions, findLab } from './lab-location.js';
import { runLabAction } from './lab-action.js';

export function runLabStatus(spec: string | undefined, opts: LabLocationOptions): number {
  const location = findLab(spec, opts);
  if (!location.ok) {
    process.stderr.write(`thrice lab: ${location.message}\n`);
    return EXIT_USAGE;
  }
  return runLabAction(() => {
    const state = readState(location.dir);
    const unrecorded = findLeftovers(location.name, location.dir, new Set(state?.namespaces), location.nameKnown).ours;
    // Namespaces no state records are still there until `down` or `up` removes them: status says so rather than nothing.
    const leftovers = unrecorded.length ? `  unrecorded  ${unrecorded.join(', ')} (left by an earlier lab ${location.name}; \`thrice lab down\` removes them)` : undefined;
    if (!state) {
      process.stdout.write(`no lab recorded in ${location.dir}\n${leftovers ? `${leftovers}\n` : ''}`);
      return EXIT_ERRORS;
    }
    return report(state, leftovers);
  });
}

function report(state: LabState, leftovers: string | undefined): number {
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
    ...(leftovers ? [leftovers] : []),
    '  look inside: ip netns exec <namespace> <command>;  vtysh --vty_socket ' + frrPaths(state.dir, '<switch>').dir + " -c 'show bgp summary'",
    ...(state.differences.length ? ['  differences from the generated outputs:', ...state.differences.map((d) => `    - ${d}`)] : []),
    ...(healthy ? [] : ['  `thrice lab up` again takes down what is recorded and builds the lab afresh']),
  ];
  process.stdout.write(out.join('\n') + '\n');
  return healthy ? EXIT_OK : EXIT_ERRORS;
}
