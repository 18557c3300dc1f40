// Every generated interfaces.sh must parse as POSIX sh and pass shellcheck in sh mode.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { switchScriptEmitter } from '../../src/emit/iproute2/switch-script-emitter.js';
import { threeTierNumbered, topologyOf, twoTierUnnumbered } from '../helpers/fabric-ir-fixtures.js';
import { hasCommand, testNeeding } from './test-needing.js';

const withShellcheck = testNeeding('shellcheck', hasCommand('shellcheck'));
const root = mkdtempSync(join(tmpdir(), 'thrice-sh-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each([
  ['two-tier-unnumbered', twoTierUnnumbered],
  ['three-tier-numbered', threeTierNumbered],
] as const)('interfaces.sh of the %s fixture', (fixture, fabric) => {
  for (const file of switchScriptEmitter.emit(topologyOf(fabric, fixture))) {
    const path = join(root, fixture, file.path);
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
