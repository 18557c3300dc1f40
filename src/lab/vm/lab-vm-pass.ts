// `lab verify` and `lab status` of a lab that runs in a VM: the same commands run in the guest, their output passed through.
import { join } from 'node:path';
import type { LabState, LabVm } from '../lab-state.js';
import { isRunning } from '../lab-processes.js';
import { LabError } from '../lab-error.js';
import { vmPaths } from './vm-machine.js';
import { GUEST_SHARE, runInVm, thriceArgv } from './vm-lab-channel.js';

/** Convergence and probes take their own time under emulation; this only bounds a guest that stopped answering. */
const VERIFY_TIMEOUT_MS = 7_200_000;
/** `status` while another lab command holds the control channel waits this long for it. */
const STATUS_TIMEOUT_MS = 120_000;

export interface VmVerifyOptions {
  readonly strict?: boolean;
  readonly capture?: string | true;
  readonly timeoutSeconds: number;
}

type Out = (text: string, fd: 1 | 2) => void;

/** The qemu process of a VM lab, when it still runs. */
export function vmRunning(state: LabState): boolean {
  const qemu = state.processes.find((p) => p.role === 'vm');
  return qemu !== undefined && isRunning(qemu);
}

/** Runs the guest's `lab verify`; its captures are copied out to the lab directory here, under the same names. Resolves with its exit code. */
export async function verifyInVm(state: LabState & { vm: LabVm }, options: VmVerifyOptions, out: Out): Promise<number> {
  if (!vmRunning(state)) throw new LabError('the lab\'s VM is no longer running; `thrice lab up --kernel vm` again rebuilds the lab');
  const { control } = vmPaths(state.dir);
  const { innerDir } = state.vm;
  const args = ['lab', 'verify', '--dir', innerDir, '--timeout', String(options.timeoutSeconds)];
  if (options.strict) args.push('--strict');
  if (options.capture !== undefined) args.push(options.capture === true ? '--capture' : `--capture=${options.capture}`);
  // Paths of captures name the guest's directory; the copies here are the ones the user can open.
  const captures = `${innerDir}/captures/`;
  const r = await runInVm(control, thriceArgv(args), { timeoutMs: VERIFY_TIMEOUT_MS, line: (l, fd) => out(`${l.split(captures).join(`${join(state.dir, 'captures')}/`)}\n`, fd) });
  if (options.capture !== undefined) {
    await runInVm(control, ['sh', '-c', 'if [ -d "$1" ]; then cp -r "$1" "$2/"; fi', 'sh', join(innerDir, 'captures'), GUEST_SHARE], { timeoutMs: 120_000, line: (l, fd) => out(`${l}\n`, fd) });
  }
  return r.exit ?? 1;
}

/** The guest's `lab status`, passed through; resolves with its exit code. */
export async function statusInVm(state: LabState & { vm: LabVm }, out: Out): Promise<number> {
  const { control } = vmPaths(state.dir);
  const r = await runInVm(control, thriceArgv(['lab', 'status', '--dir', state.vm.innerDir]), { timeoutMs: STATUS_TIMEOUT_MS, line: (l, fd) => out(`  | ${l}\n`, fd) });
  return r.exit ?? 1;
}
