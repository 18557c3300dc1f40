// Names staged trees and files after their process, and removes those a killed compile left behind.
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** `.<name>.<kind>-<pid>-<stamp>`: the pid says whose it is, so a later run can tell a leftover from a live staging. */
export function stagingName(name: string, kind: 'tmp' | 'old'): string {
  return `.${name}.${kind}-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Removes `.<name>.tmp-*` and `.<name>.old-*` entries in `dir` whose process is gone. A staged directory
 * counts as thrice's only when it holds `marker` or is empty (killed before the marker was written);
 * anything else of that shape is left alone.
 */
export function removeStaleStaging(dir: string, name: string, marker: string | undefined): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `.${name}.`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const match = /^(?:tmp|old)-(\d+)-[a-z0-9]+$/.exec(entry.slice(prefix.length));
    if (!match || isAlive(Number(match[1]))) continue;
    const path = join(dir, entry);
    try {
      const stat = lstatSync(path);
      if (stat.isDirectory()) {
        if (marker === undefined) continue;
        const inside = readdirSync(path);
        if (inside.length > 0 && !inside.includes(marker)) continue;
        rmSync(path, { recursive: true, force: true });
      } else if (stat.isFile() && marker === undefined) {
        rmSync(path, { force: true });
      }
    } catch {
      // Another run may be removing it at the same moment; nothing to do.
    }
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
