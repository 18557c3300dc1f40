// Mount points of a lab, read from /proc/self/mountinfo: which exist, which lie under the lab directory, unmounting them.
import { readFileSync } from 'node:fs';
import { runCommand, tryCommand } from './run-command.js';
import { LabError } from './lab-error.js';

/** Mount points in mount order (mountinfo's order), with the kernel's octal escapes undone. */
export function mountPoints(): string[] {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (line.split(' ')[4] ?? '').replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))));
}

export function isMountPoint(path: string): boolean {
  return mountPoints().includes(path);
}

/** Every mount at or below `dir`, deepest (latest) first, so each can be unmounted in turn. */
export function mountsUnder(dir: string): string[] {
  return mountPoints()
    .filter((m) => m === dir || m.startsWith(`${dir}/`))
    .reverse();
}

export function bindMount(source: string, target: string): void {
  runCommand('mount', ['--bind', source, target]);
}

/** Unmounts every layer stacked on `path`; a path that is not mounted is fine. */
export function unmountAll(path: string): void {
  while (isMountPoint(path)) {
    const r = tryCommand('umount', [path]);
    if (r.status !== 0) throw new LabError(`cannot unmount ${path}: ${r.stderr.trim()}`);
  }
}
