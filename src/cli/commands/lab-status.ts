// `thrice lab status`: what the state file records and whether each piece still exists, plus how to look inside.
import { type LabState, readState } from '../../lab/lab-state.js';
import { findLeftovers } from '../../lab/lab-leftovers.js';
import { isRunning } from '../../lab/lab-processes.js';
import { netnsExists } from '../../lab/netns.js';
import { frrPaths } from '../../lab/frr-daemons.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { type LabLocationOptions, findLab } from './lab-location.js';
import { runLabActionAsync } from './lab-action.js';
import { statusInVm, vmRunning } from '../../lab/vm/lab-vm-pass.js';
import { vmPaths } from '../../lab/vm/vm-machine.js';

export async function runLabStatus(spec: string | undefined, opts: LabLocationOptions): Promise<number> {
  const location = findLab(spec, opts);
  if (!location.ok) {
    process.stderr.write(`thrice lab: ${location.message}\n`);
    return EXIT_USAGE;
  }
  return runLabActionAsync(async () => {
    const state = readState(location.dir);
    const unrecorded = findLeftovers(location.name, location.dir, new Set(state?.namespaces), location.nameKnown).ours;
    // Namespaces no state records are still there until `down` or `up` removes them: status says so rather than nothing.
    const leftovers = unrecorded.length ? `  unrecorded  ${unrecorded.join(', ')} (left by an earlier lab ${location.name}; \`thrice lab down\` removes them)` : undefined;
    if (!state) {
      process.stdout.write(`no lab recorded in ${location.dir}\n${leftovers ? `${leftovers}\n` : ''}`);
      return EXIT_ERRORS;
    }
    if (state.vm) return reportVm({ ...state, vm: state.vm });
    return report(state, leftovers);
  });
}

/** A lab in a VM: qemu here, then the guest's own status of the lab inside it. */
async function reportVm(state: LabState & { vm: NonNullable<LabState['vm']> }): Promise<number> {
  const running = vmRunning(state);
  const qemu = state.processes.find((p) => p.role === 'vm');
  const paths = vmPaths(state.dir);
  const out = [
    `lab ${state.name}: ${running ? (state.phase === 'up' ? 'up' : 'INCOMPLETE (up did not finish)') : 'DAMAGED'} (in a VM)`,
    `  spec        ${state.spec}`,
    `  directory   ${state.dir}  (outputs in out/, the VM's console in vm/console.log)`,
    `  created     ${state.createdAt}`,
    `  VM          Debian's kernel ${state.vm.kernel} under qemu${qemu?.pid ? ` (pid ${qemu.pid})` : ''}: ${running ? 'running' : 'NOT RUNNING'}; control channel ${paths.control}`,
  ];
  process.stdout.write(out.join('\n') + '\n');
  if (!running) {
    process.stdout.write('  `thrice lab up --kernel vm` again takes down what is recorded and builds the lab afresh\n');
    return EXIT_ERRORS;
  }
  process.stdout.write(`  inside the VM (look in with \`thrice lab exec --dir ${state.dir} -- <command>\`):\n`);
  const inner = await statusInVm(state, (text, fd) => void (fd === 1 ? process.stdout : process.stderr).write(text));
  // The guest printed its own differences; the VM itself is the one more.
  if (state.differences[0]) process.stdout.write(`  and:\n    - ${state.differences[0]}\n`);
  return inner === 0 && state.phase === 'up' ? EXIT_OK : EXIT_ERRORS;
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
