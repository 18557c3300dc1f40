// Runs thrice and other commands in the lab VM through its agent, line by line, and reads what the guest's lab recorded.
import { join } from 'node:path';
import { LabError } from '../lab-error.js';
import { type LabState, STATE_FILE } from '../lab-state.js';
import { type ExecResult, execInVm } from './vm-agent-client.js';
import { guestCli } from './vm-requirements.js';
import { guestPath } from './guest-paths.js';

export { GUEST_HOST_ROOT, GUEST_SHARE, guestPath } from './guest-paths.js';

/** On the guest's tmpfs, short enough for FRR's unix sockets. */
export function innerLabDir(name: string): string {
  return `/run/thrice-lab/${name}`;
}

/** This thrice, run by this node, both read through the shared root (a checkout under /tmp is not at its own path there). */
export function thriceArgv(args: readonly string[]): string[] {
  return [guestPath(process.execPath), guestPath(guestCli()), ...args];
}

/** Runs argv in the guest, handing over whole lines of its stdout and stderr as they come. */
export async function runInVm(control: string, argv: readonly string[], options: { timeoutMs: number; line: (text: string, fd: 1 | 2) => void }): Promise<ExecResult> {
  const pending: Record<1 | 2, string> = { 1: '', 2: '' };
  const take = (fd: 1 | 2) => (text: string): void => {
    const lines = (pending[fd] + text).split('\n');
    pending[fd] = lines.pop() ?? '';
    for (const l of lines) options.line(l, fd);
  };
  const result = await execInVm(control, argv, { timeoutMs: options.timeoutMs, stdout: take(1), stderr: take(2) });
  for (const fd of [1, 2] as const) if (pending[fd]) options.line(pending[fd], fd);
  return result;
}

/** The guest lab's state file, as its `up` wrote it. */
export async function readInnerState(control: string, innerDir: string): Promise<LabState> {
  const lines: string[] = [];
  const r = await runInVm(control, ['cat', join(innerDir, STATE_FILE)], { timeoutMs: 60_000, line: (l, fd) => fd === 1 && lines.push(l) });
  if (r.exit !== 0) throw new LabError(`the VM holds no lab state in ${innerDir}`);
  return JSON.parse(lines.join('\n')) as LabState;
}
