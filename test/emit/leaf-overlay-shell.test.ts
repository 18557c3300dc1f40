// Every generated overlay.sh and overlay-netns.sh must parse as POSIX sh and pass shellcheck in sh mode.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { leafOverlayEmitter } from '../../src/emit/iproute2/leaf-overlay-emitter.js';
import { compiledExamples, overlayTopology } from '../helpers/leaf-overlay-fixtures.js';
import { hasCommand, testNeeding } from './test-needing.js';

const withShellcheck = testNeeding('shellcheck', hasCommand('shellcheck'));
const root = mkdtempSync(join(tmpdir(), 'thrice-overlay-sh-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Examples without VPCs emit no script and so are left out (an empty describe is an error).
const topologies = [['overlay-fixture', overlayTopology] as const, ...(await compiledExamples()).map((e) => [`example-${e.name}`, e.ir] as const)].filter(
  ([, topology]) => leafOverlayEmitter.emit(topology).length > 0,
);

describe.each(topologies)('leaf overlay scripts of %s', (name, topology) => {
  for (const file of leafOverlayEmitter.emit(topology)) {
    const path = join(root, name, file.path);
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
});
