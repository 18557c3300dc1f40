// Every generated interfaces.sh must parse as POSIX sh and pass shellcheck in sh mode.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { switchScriptEmitter } from '../../src/emit/iproute2/switch-script-emitter.js';
import { threeTierNumbered, topologyOf, twoTierUnnumbered } from '../helpers/fabric-ir-fixtures.js';
import { shellScriptChecks } from './shell-script-checks.js';

const root = mkdtempSync(join(tmpdir(), 'thrice-sh-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each([
  ['two-tier-unnumbered', twoTierUnnumbered],
  ['three-tier-numbered', threeTierNumbered],
] as const)('interfaces.sh of the %s fixture', (fixture, fabric) => {
  shellScriptChecks(join(root, fixture), switchScriptEmitter.emit(topologyOf(fabric, fixture)));
});
