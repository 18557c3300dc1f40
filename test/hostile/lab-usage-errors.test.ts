// Issue 8.2/8.3: a lab refusal of what the user asked for, or a file-system error, exits 2 with one line naming the path.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { testNeeding } from '../emit/test-needing.js';
import { THREE_LAYER } from '../lab/lab-fixtures.js';
import { uniqueLabName } from '../lab/lab-leak-check.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'thrice-hostile-lab-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Exit 2, and stderr one line (no stack trace) that names `path` when given. */
function expectUsage(run: CliRun, path?: string): void {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stderr.trim().split('\n'), run.stderr).toHaveLength(1);
  if (path) expect(run.stderr).toContain(path);
}

const state = (dir: string, fields: Record<string, unknown> = {}): void => {
  const text = readFileSync(THREE_LAYER, 'utf8');
  const base = { version: 1, name: 'hs', dir, spec: THREE_LAYER, specHash: createHash('sha256').update(text).digest('hex'), createdAt: '', phase: 'up' };
  const lists = { namespaces: [], mounts: [], processes: [], paths: [dir], parentDirs: [], differences: [] };
  writeFileSync(join(dir, 'lab-state.json'), JSON.stringify({ ...base, ...lists, ...fields }));
};

describe('lab refusals are usage errors', () => {
  it('up on a non-empty directory that holds no lab exits 2, as compile does, and leaves it as it was', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');
    expectUsage(runCli(['lab', 'up', THREE_LAYER, '--dir', dir, '--name', uniqueLabName('hs')]), dir);
    expect(runCli(['compile', THREE_LAYER, '-o', dir]).status).toBe(2);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('a --dir that is a file, or empty, or a --name that is empty or malformed, exits 2 for every lab command', () => {
    const file = join(tempDir(), 'file');
    writeFileSync(file, 'x');
    for (const sub of [['up', THREE_LAYER], ['down'], ['status'], ['verify']]) {
      expectUsage(runCli(['lab', ...sub, '--dir', file]), file);
      expectUsage(runCli(['lab', ...sub, '--dir', '']));
      expectUsage(runCli(['lab', ...sub, '--name', '']));
      expectUsage(runCli(['lab', ...sub, '--name', 'Not_A_Name']));
    }
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('a --dir too long for FRR\'s sockets exits 2', () => {
    const dir = join(tempDir(), 'd'.repeat(90));
    expectUsage(runCli(['lab', 'up', THREE_LAYER, '--dir', dir, '--name', uniqueLabName('hs')]), dir);
    expect(existsSync(dir)).toBe(false);
  });

  it('a lab-state.json that is not JSON exits 2 for every lab command, naming the file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lab-state.json'), '{"version": 1, ');
    for (const sub of [['up', THREE_LAYER], ['down'], ['status'], ['verify']]) expectUsage(runCli(['lab', ...sub, '--dir', dir]), join(dir, 'lab-state.json'));
  });

  it('a state file that lists what is not the lab\'s (paths, namespaces, another directory) is refused, and nothing is removed', () => {
    const dir = tempDir();
    const victim = join(tempDir(), 'precious');
    mkdirSync(victim);
    writeFileSync(join(victim, 'keep.txt'), 'keep\n');
    for (const fields of [{ paths: [dir, victim] }, { namespaces: ['not-the-lab'] }, { dir: victim }, { parentDirs: ['/'] }, { processes: [{ role: 'zebra', device: 's', netns: 'hs-s', pidFile: '/' }] }]) {
      state(dir, fields);
      expectUsage(runCli(['lab', 'down', '--dir', dir]), join(dir, 'lab-state.json'));
    }
    expect(readFileSync(join(victim, 'keep.txt'), 'utf8')).toBe('keep\n');
    expect(existsSync(join(dir, 'lab-state.json'))).toBe(true);
  });

  it('verify where the recorded plan file is missing exits 2 naming it, without a stack trace', () => {
    const dir = tempDir();
    state(dir);
    expectUsage(runCli(['lab', 'verify', '--dir', dir]), join(dir, 'lab-plan.json'));
  });

  const asRoot = testNeeding('root', process.getuid?.() === 0);
  asRoot('an unusable --dir (under a file, under /proc) exits 2 naming the path, and creates nothing', () => {
    const file = join(tempDir(), 'file');
    writeFileSync(file, 'x');
    for (const dir of [join(file, 'lab'), `/proc/thrice-${uniqueLabName('hs')}/lab`]) {
      const name = uniqueLabName('hs');
      expectUsage(runCli(['lab', 'up', THREE_LAYER, '--dir', dir, '--name', name]), dir);
      expect(readdirSync('/run/netns').filter((n) => n.startsWith(`${name}-`))).toEqual([]);
    }
  });

  asRoot('a --dir inside a directory the frr user cannot enter exits 2 naming that directory, before anything is made', () => {
    const closed = tempDir(); // mkdtemp: mode 0700, owned by root
    const dir = join(closed, 'lab');
    expectUsage(runCli(['lab', 'up', THREE_LAYER, '--dir', dir, '--name', uniqueLabName('hs')]), closed);
    expect(existsSync(dir)).toBe(false);
  });
});
