// Reads a spec, lock file or manifest safely: regular files only, never blocking, and never more than a size limit.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { fsCause } from './fs-error.js';

/** The default limit for one input file (spec, lock file or manifest); `--max-input-size` overrides it. */
export const DEFAULT_MAX_INPUT_MIB = 32;

export type InputFileRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: string };

/**
 * Opens without blocking (a FIFO would otherwise wait for a writer forever), then insists on a regular
 * file and reads at most `maxBytes` + 1 bytes: /proc files report size 0, so the size on disk is not enough.
 */
export function readInputFile(path: string, maxBytes: number): InputFileRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, problem: fsCause(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, problem: `not a regular file (${fileKind(stat)})` };
    if (stat.size > maxBytes) return { ok: false, problem: tooLarge(maxBytes) };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) return { ok: false, problem: tooLarge(maxBytes) };
    }
    return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (error) {
    return { ok: false, problem: fsCause(error) };
  } finally {
    closeSync(fd);
  }
}

function tooLarge(maxBytes: number): string {
  return `larger than the input size limit of ${formatMiB(maxBytes)} (raise it with --max-input-size)`;
}

export function formatMiB(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return `${Number.isInteger(mib) ? mib : mib.toFixed(2)} MiB`;
}

function fileKind(stat: import('node:fs').Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}
