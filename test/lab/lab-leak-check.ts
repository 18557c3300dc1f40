// Test helper: `thrice lab up` killed (SIGKILL, by its own pid) at a chosen moment, and what of a lab is left on the machine.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { expect } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const main = new URL('../../dist/src/cli/main.js', import.meta.url).pathname;

/** Lab names are unique per test so that nothing here can touch another lab, or another test's. */
export const uniqueLabName = (prefix: string): string => `${prefix}-${randomBytes(3).toString('hex')}`;

export const labNamespaces = (name: string): string => readdirSync('/run/netns').filter((n) => n.startsWith(`${name}-`)).join(' ');

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Starts `thrice lab up <args>` and SIGKILLs it as soon as `when` holds; resolves false when it ended (or timed out) first. */
export async function killLabUpWhen(args: readonly string[], when: () => boolean, timeoutMs = 60_000): Promise<boolean> {
  const child = spawn(process.execPath, [main, 'lab', 'up', ...args], { stdio: 'ignore' });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const pid = child.pid as number;
  const deadline = Date.now() + timeoutMs;
  let killed = false;
  while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
    if (when()) {
      process.kill(pid, 'SIGKILL');
      killed = true;
      break;
    }
    await sleep(1);
  }
  if (!killed && child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
  await exited;
  return killed;
}

/** Every process (but this one) whose command line names the lab's directory or one of its namespaces. */
export function processesOf(name: string, dir: string): string[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)
    .flatMap((p) => {
      try {
        const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ');
        return cmd.includes(dir) || cmd.includes(` ${name}-`) || cmd.includes(`/${name}-`) ? [`${p}: ${cmd}`] : [];
      } catch {
        return [];
      }
    });
}

/** A killed `up` leaves its running child (one `ip` command) to finish on its own; wait for it before judging. */
export async function settle(name: string, dir: string): Promise<void> {
  for (let i = 0; i < 200 && processesOf(name, dir).length > 0; i++) await sleep(10);
}

/** Nothing of the lab: no namespace named for it, no mount of it (pins in /run/netns or under its directory), no process. */
export function expectNothingLeft(name: string, dir: string): void {
  expect(labNamespaces(name)).toBe('');
  const mounts = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter((l) => l.includes(`/run/netns/${name}-`) || l.includes(dir));
  expect(mounts).toEqual([]);
  expect(processesOf(name, dir)).toEqual([]);
}

/** After a failed assertion: whatever the product did not remove, removed by `down` and by the test's unique names. */
export function cleanUp(name: string, dir: string): void {
  runCli(['lab', 'down', '--name', name, '--dir', dir]);
  for (const n of labNamespaces(name).split(' ').filter(Boolean)) spawnSync('ip', ['netns', 'del', n], { stdio: 'ignore' });
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // A mount left under it: reported by the failed assertion already.
  }
}
