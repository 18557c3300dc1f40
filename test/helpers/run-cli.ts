// Test helper: runs the built CLI as a user would and captures exit code, stdout and stderr.
import { spawnSync } from 'node:child_process';

const main = new URL('../../dist/src/cli/main.js', import.meta.url).pathname;

export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], cwd?: string): CliRun {
  const r = spawnSync(process.execPath, [main, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
