// Writes a whole output directory atomically: a sibling temporary directory is filled, then swapped in.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { OutputFile } from '../emit/emitter.js';

/** Marks a directory as made by thrice, so that only such a directory is ever replaced. */
export const OUTPUT_MARKER = '.thrice-output';

export class OutputDirError extends Error {}

export function writeOutputDir(dir: string, files: readonly OutputFile[], generator: string): void {
  const target = resolve(dir);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new OutputDirError(`${dir} exists and is not a directory`);
    const entries = readdirSync(target);
    if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
      throw new OutputDirError(`${dir} is not empty and was not written by thrice (no ${OUTPUT_MARKER}); refusing to replace it`);
    }
  }
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const staging = join(parent, `.${basename(target)}.tmp-${stamp}`);
  const retired = join(parent, `.${basename(target)}.old-${stamp}`);
  try {
    mkdirSync(staging);
    writeFileSync(join(staging, OUTPUT_MARKER), `${generator}\n`);
    const made = new Set<string>([staging]);
    for (const file of files) {
      const path = join(staging, ...file.path.split('/'));
      const parentDir = dirname(path);
      if (!made.has(parentDir)) {
        mkdirSync(parentDir, { recursive: true });
        made.add(parentDir);
      }
      writeFileSync(path, file.contents, { mode: file.executable ? 0o755 : 0o644 });
    }
    if (existsSync(target)) renameSync(target, retired);
    renameSync(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(retired, { recursive: true, force: true });
  }
}

/** Writes one file atomically (temporary file in the same directory, then rename). */
export function writeFileAtomic(path: string, contents: string): void {
  const staging = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    writeFileSync(staging, contents);
    renameSync(staging, path);
  } finally {
    rmSync(staging, { force: true });
  }
}
