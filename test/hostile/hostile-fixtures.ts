// Fixtures for the hostile-input suite: throwaway projects, the real CLI (as root or as nobody), small tmpfs mounts.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect } from 'vitest';

const main = new URL('../../dist/src/cli/main.js', import.meta.url).pathname;
const examples = new URL('../../examples/', import.meta.url).pathname;

export const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

export interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

const made: string[] = [];
// Registered once per test file that imports these fixtures: its temporary projects go when it ends.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory under the system temp dir, readable by everyone (so `nobody` can use it too), removed after the file's tests. */
export function tempDir(prefix = 'thrice-hostile-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  made.push(dir);
  return dir;
}

/** A project holding the three-layer example (spec `dc1.yaml`, its lock and its manifests) in `dir`/proj. */
export function exampleProject(dir = tempDir()): { root: string; project: string; spec: string } {
  const project = join(dir, 'proj');
  mkdirSync(project, { recursive: true });
  cpSync(join(examples, 'three-layer.yaml'), join(project, 'dc1.yaml'));
  cpSync(join(examples, 'three-layer.lock.yaml'), join(project, 'dc1.lock.yaml'));
  cpSync(join(examples, 'k8s'), join(project, 'k8s'), { recursive: true });
  return { root: dir, project, spec: join(project, 'dc1.yaml') };
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string>;
  readonly asNobody?: boolean;
  readonly timeoutMs?: number;
}

/** Runs the built CLI as a user would. */
export function thrice(args: readonly string[], opts: RunOptions = {}): Run {
  const command = opts.asNobody ? 'setpriv' : process.execPath;
  const argv = opts.asNobody ? [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, main, ...args] : [main, ...args];
  const r = spawnSync(command, argv, {
    cwd: opts.cwd,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 60_000,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
  });
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Whether `nobody` can run the built CLI from where this checkout lives (its parent directories must be searchable). */
export function nobodyCanRun(): boolean {
  if (!isRoot) return false;
  return spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, main, '--version'], { stdio: 'ignore' }).status === 0;
}

/** Hands a directory tree to `nobody`. */
export function giveToNobody(path: string): void {
  spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, path], { stdio: 'ignore' });
}

/** A usage failure as the CLI promises it: exit 2, one `thrice:` line on stderr, no stack trace. */
export function expectOneLineRefusal(run: Run): void {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stderr).toMatch(/^thrice: [^\n]+\n$/);
  expectNoStackTrace(run);
}

export function expectNoStackTrace(run: Run): void {
  expect(run.stderr).not.toMatch(/^\s+at .+[:(]\d+/m);
  expect(run.stderr).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError)\b|node:internal/);
}

/** `code line:col` of every diagnostic of a `--format json` run. */
export function codesOf(run: Run): string[] {
  const parsed = JSON.parse(run.stdout) as { diagnostics: { code: string; location?: { line: number; column: number } }[] };
  return parsed.diagnostics.map((d) => `${d.code} ${d.location?.line}:${d.location?.column}`);
}

/** Every file under `dir` with its contents, keyed by relative path: what "nothing changed" is compared on. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'latin1'));
    }
  };
  walk(dir);
  return files;
}

/** Mounts a tmpfs of `size` (e.g. "64k") at a new directory; returns it and an unmount function. */
export function tmpfs(size: string, options = ''): { dir: string; unmount: () => void } {
  const dir = tempDir('thrice-tmpfs-');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${options ? `,${options}` : ''}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) throw new Error(`cannot mount a tmpfs at ${dir}: ${mounted.stderr}`);
  return {
    dir,
    unmount: () => {
      spawnSync('umount', [dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
