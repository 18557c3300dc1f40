// Issue 8.1: namespaces no state records are removed only when they are the lab's (its mark, or an older thrice's probe).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { testNeeding } from '../emit/test-needing.js';
import { labNamespaces, uniqueLabName } from '../lab/lab-leak-check.js';

const asRoot = testNeeding('root', process.getuid?.() === 0);

const made: string[] = [];
/** A bare namespace (only lo, never linked anywhere), optionally with a mark on lo as `lab up` writes it. */
function addNamespace(name: string, mark?: string): void {
  made.push(name);
  expect(spawnSync('ip', ['netns', 'add', name]).status).toBe(0);
  if (mark) expect(spawnSync('ip', ['-n', name, 'link', 'set', 'dev', 'lo', 'alias', mark]).status).toBe(0);
}
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'thrice-hostile-lab-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const n of made.splice(0)) spawnSync('ip', ['netns', 'del', n]);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('namespaces of a lab that no state records', () => {
  asRoot('down removes an older thrice\'s probe and those marked as this lab\'s; it leaves a look-alike and a prefix-named lab\'s', () => {
    const name = uniqueLabName('hu1');
    const dir = join(tempDir(), 'lab');
    addNamespace(`${name}-probe-0a1b2c`);
    addNamespace(`${name}-leaf9`, `thrice-lab:${name}:${dir}`);
    addNamespace(`${name}-stranger`);
    addNamespace(`${name}-x-leaf1`, `thrice-lab:${name}-x:${dir}`);
    addNamespace(`${name}-leaf8`, `thrice-lab:${name}:${dir}-elsewhere`);
    const status = runCli(['lab', 'status', '--name', name, '--dir', dir]);
    expect(status.status).toBe(1);
    expect(status.stdout).toContain(`${name}-probe-0a1b2c`);
    expect(runCli(['lab', 'down', '--name', name, '--dir', dir]).status).toBe(0);
    expect(labNamespaces(name).split(' ').sort()).toEqual([`${name}-leaf8`, `${name}-stranger`, `${name}-x-leaf1`]);
  });

  asRoot('down with --dir alone (the lab name a guess) removes no probe-like namespace by its name', () => {
    const dir = join(tempDir(), 'lab');
    // With no state and no --name the name defaults to "thrice": its probe pattern must not be trusted.
    const probeLike = `thrice-probe-${uniqueLabName('x').slice(-6)}`;
    addNamespace(probeLike);
    expect(runCli(['lab', 'down', '--dir', dir]).status).toBe(0);
    expect(labNamespaces('thrice').split(' ')).toContain(probeLike);
  });
});
