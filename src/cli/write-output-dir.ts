// Writes a whole output directory and its lock file as one transaction: a staged tree swapped in, or nothing changed.
import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { OutputFile } from '../emit/emitter.js';
import { fsCause } from './fs-error.js';
import { removeStaleStaging, stagingName } from './stale-staging.js';

/** Marks a directory as made by thrice, so that only such a directory is ever replaced. */
export const OUTPUT_MARKER = '.thrice-output';

/** A refusal or a file-system failure; its message is one line naming the path and the cause. */
export class OutputDirError extends Error {}

export interface LockWrite {
  readonly path: string;
  readonly contents: string;
}

/**
 * Stages the tree beside the target, stages the lock file beside the lock, then swaps both in. A failure
 * before the swap removes what was staged; a failure during it puts the previous directory and lock back,
 * so a failed compile leaves outputs and lock as they were (never new outputs without their lock).
 */
export function writeOutputDir(dir: string, files: readonly OutputFile[], generator: string, lock?: LockWrite): void {
  const target = resolve(dir);
  const targetExists = checkReplaceable(dir, target);
  const parent = dirname(target);
  attempt('create', parent, () => mkdirSync(parent, { recursive: true }));
  removeStaleStaging(parent, basename(target), OUTPUT_MARKER);
  if (lock) removeStaleStaging(dirname(resolve(lock.path)), basename(lock.path), undefined);
  const staging = join(parent, stagingName(basename(target), 'tmp'));
  const retired = join(parent, stagingName(basename(target), 'old'));
  const lockStaging = lock ? join(dirname(resolve(lock.path)), stagingName(basename(lock.path), 'tmp')) : undefined;
  let swapped = false;
  try {
    attempt('create', `a staging directory beside ${dir}`, () => mkdirSync(staging));
    attempt('write', join(dir, OUTPUT_MARKER), () => writeFileSync(join(staging, OUTPUT_MARKER), `${generator}\n`));
    writeTree(staging, dir, files);
    if (lock && lockStaging) attempt('write', lock.path, () => writeFileSync(lockStaging, lock.contents));
    if (targetExists) attempt('replace', dir, () => renameSync(target, retired));
    try {
      attempt('replace', dir, () => renameSync(staging, target));
    } catch (error) {
      if (targetExists) renameSync(retired, target);
      throw error;
    }
    if (lock && lockStaging) {
      try {
        attempt('write', lock.path, () => renameSync(lockStaging, resolve(lock.path)));
      } catch (error) {
        renameSync(target, staging);
        if (targetExists) renameSync(retired, target);
        throw error;
      }
    }
    swapped = true;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    if (lockStaging) rmSync(lockStaging, { force: true });
    // The retired tree is garbage once the swap is done; a failure to remove it is cleaned by the next compile.
    if (swapped || !targetExists) tryRemove(retired);
  }
}

/** Whether the target exists; refuses what thrice must not replace: a non-directory, a link, a directory thrice did not write. */
function checkReplaceable(dir: string, target: string): boolean {
  let stat;
  try {
    stat = lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new OutputDirError(`cannot use ${dir} as the output directory: ${fsCause(error)}`);
  }
  if (stat.isSymbolicLink()) throw new OutputDirError(`${dir} is a symbolic link; name the output directory itself`);
  if (!stat.isDirectory()) throw new OutputDirError(`${dir} exists and is not a directory`);
  const entries = attempt('read', dir, () => readdirSync(target));
  if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
    throw new OutputDirError(`${dir} is not empty and was not written by thrice (no ${OUTPUT_MARKER}); refusing to replace it`);
  }
  return true;
}

/** Fills the staged tree; failures name the file as it would appear in the output directory `shownAs`. */
function writeTree(root: string, shownAs: string, files: readonly OutputFile[]): void {
  const made = new Set<string>([root]);
  for (const file of files) {
    const path = join(root, ...file.path.split('/'));
    const parentDir = dirname(path);
    if (!made.has(parentDir)) {
      attempt('create', dirname(join(shownAs, file.path)), () => mkdirSync(parentDir, { recursive: true }));
      made.add(parentDir);
    }
    attempt('write', join(shownAs, file.path), () => writeFileSync(path, file.contents, { mode: file.secret ? 0o600 : file.executable ? 0o755 : 0o644 }));
  }
}

function attempt<T>(action: string, path: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof OutputDirError) throw error;
    throw new OutputDirError(`cannot ${action} ${path}: ${fsCause(error)}`);
  }
}

function tryRemove(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Left for removeStaleStaging: it belongs to this process, which is about to end.
  }
}
