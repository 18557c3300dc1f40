// `thrice lab exec -- <command>`: runs a command inside a lab's VM (vtysh, ip netns exec, tcpdump), its output passed through.
import { readState } from '../../lab/lab-state.js';
import { LabError, LabUsageError } from '../../lab/lab-error.js';
import { vmRunning } from '../../lab/vm/lab-vm-pass.js';
import { vmPaths } from '../../lab/vm/vm-machine.js';
import { runInVm } from '../../lab/vm/vm-lab-channel.js';
import { EXIT_USAGE } from '../exit-codes.js';
import { type LabLocationOptions, findLab } from './lab-location.js';
import { runLabActionAsync } from './lab-action.js';

/** Bounds a command that never ends; interactive programs have no terminal here. */
const EXEC_TIMEOUT_MS = 3_600_000;

export async function runLabExec(command: readonly string[], opts: LabLocationOptions): Promise<number> {
  const location = findLab(undefined, opts);
  if (!location.ok) {
    process.stderr.write(`thrice lab: ${location.message}\n`);
    return EXIT_USAGE;
  }
  return runLabActionAsync(async () => {
    const state = readState(location.dir);
    if (!state) throw new LabUsageError(`no lab recorded in ${location.dir}; run \`thrice lab up <spec> --kernel vm\` first`);
    if (!state.vm) throw new LabUsageError(`lab ${state.name} runs on this machine, not in a VM: run the command here (e.g. ip netns exec <namespace> ...)`);
    if (!vmRunning(state)) throw new LabError("the lab's VM is no longer running; `thrice lab up --kernel vm` again rebuilds the lab");
    const r = await runInVm(vmPaths(state.dir).control, command, { timeoutMs: EXEC_TIMEOUT_MS, line: (l, fd) => void (fd === 1 ? process.stdout : process.stderr).write(`${l}\n`) });
    return r.exit ?? 128 + 9;
  });
}
