// Every generated overlay.sh and overlay-netns.sh must parse as POSIX sh and pass shellcheck in sh mode.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { leafOverlayEmitter } from '../../src/emit/iproute2/leaf-overlay-emitter.js';
import { compiledExamples, overlayTopology } from '../helpers/leaf-overlay-fixtures.js';
import { shellScriptChecks } from './shell-script-checks.js';

const root = mkdtempSync(join(tmpdir(), 'thrice-overlay-sh-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Examples without VPCs emit no script and so are left out (an empty describe is an error).
const topologies = [['overlay-fixture', overlayTopology] as const, ...(await compiledExamples()).map((e) => [`example-${e.name}`, e.ir] as const)].filter(
  ([, topology]) => leafOverlayEmitter.emit(topology).length > 0,
);

describe.each(topologies)('leaf overlay scripts of %s', (name, topology) => {
  shellScriptChecks(join(root, name), leafOverlayEmitter.emit(topology));
});
