// Runs the system tools the lab drives (ip, nsenter, nft, mount, FRR), failing with the command and its stderr.
import { spawnSync } from 'node:child_process';

export class LabCommandError extends Error {
  constructor(
    readonly command: readonly string[],
    readonly status: number | null,
    readonly stderr: string,
  ) {
    super(`\`${command.join(' ')}\` failed${status === null ? '' : ` (exit ${status})`}${stderr.trim() ? `: ${stderr.trim()}` : ''}`);
  }
}

export interface CommandResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function tryCommand(command: string, args: readonly string[], input?: string): CommandResult {
  const r = spawnSync(command, args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  if (r.error) return { status: null, stdout: '', stderr: r.error.message };
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a command and returns its stdout; throws LabCommandError when it fails. */
export function runCommand(command: string, args: readonly string[], input?: string): string {
  const r = tryCommand(command, args, input);
  if (r.status !== 0) throw new LabCommandError([command, ...args], r.status, r.stderr || r.stdout);
  return r.stdout;
}
