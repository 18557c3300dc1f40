// Registers the `sh -n` and `shellcheck -s sh` tests for every emitted .sh file, written executable under a directory.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import type { OutputFile } from '../../src/emit/emitter.js';
import { hasCommand, testNeeding } from './test-needing.js';

const withShellcheck = testNeeding('shellcheck', hasCommand('shellcheck'));

/**
 * Writes each `.sh` file of `files` (mode 0o755) under `dir` and registers, per file, `<path>: sh -n` and
 * `<path>: shellcheck -s sh` (skipped locally without shellcheck, a failure under CI). Call it at collection time,
 * inside a `describe`.
 */
export function shellScriptChecks(dir: string, files: readonly OutputFile[]): void {
  for (const file of files.filter((f) => f.path.endsWith('.sh'))) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.contents, { mode: 0o755 });

    it(`${file.path}: sh -n`, () => {
      const run = spawnSync('sh', ['-n', path], { encoding: 'utf8' });
      expect(run.status, `${run.stderr}\n--- ${file.path} ---\n${file.contents}`).toBe(0);
    });

    withShellcheck(`${file.path}: shellcheck -s sh`, () => {
      const run = spawnSync('shellcheck', ['-s', 'sh', path], { encoding: 'utf8' });
      expect(run.status, `${run.stdout}${run.stderr}\n--- ${file.path} ---\n${file.contents}`).toBe(0);
    });
  }
}
