// The lab directory of `lab up`: what may serve as one (a usage error otherwise), and making it without Node's recursive mkdir.
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fsCause } from '../cli/fs-error.js';
import { LabUsageError } from './lab-error.js';
import { STATE_FILE, readState } from './lab-state.js';

/** The lab directory may be missing, empty or a lab's; a file, a link or anyone else's files there are refused. */
export function checkLabDir(dir: string): void {
  if (!existsSync(dir) && !isSymbolicLink(dir)) return;
  if (isSymbolicLink(dir)) throw new LabUsageError(`${dir} is a symbolic link; name the lab directory itself (pick another --dir)`);
  if (!statSync(dir).isDirectory()) throw new LabUsageError(`${dir} exists and is not a directory; refusing to use it (pick another --dir)`);
  if (!readState(dir) && readdirSync(dir).length > 0) throw new LabUsageError(`${dir} is not empty and holds no ${STATE_FILE}; refusing to use it (pick another --dir)`);
}

/** The directories above `dir` that do not exist yet, deepest first. */
export function missingAncestors(dir: string): string[] {
  const out: string[] = [];
  for (let d = dirname(dir); !existsSync(d) && d !== dirname(d); d = dirname(d)) out.push(d);
  return out;
}

/**
 * One level at a time, not `mkdirSync(dir, { recursive: true })`: Node's recursive mkdir loops for ever where mkdir
 * fails with ENOENT under a parent that exists (in /proc), and `--dir /proc/x` must be refused, not hang.
 */
export function makeDirectory(dir: string, parents: readonly string[]): void {
  try {
    // 0755 whatever the umask: the frr user must reach the daemons' directories inside.
    const made = [...[...parents].reverse(), ...(existsSync(dir) ? [] : [dir])];
    for (const d of made) {
      mkdirSync(d);
      chmodSync(d, 0o755);
    }
  } catch (error) {
    const at = (error as NodeJS.ErrnoException).path;
    throw new LabUsageError(`cannot create the lab directory ${dir}: ${fsCause(error)}${at && at !== dir ? ` (at ${at})` : ''}`);
  }
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
