// Issue 8.1: `thrice lab up` killed with SIGKILL part way leaves nothing that `lab down` or the next `lab up` does not remove.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { testNeeding } from '../emit/test-needing.js';
import { THREE_LAYER } from '../lab/lab-fixtures.js';
import { cleanUp, expectNothingLeft, killLabUpWhen, labNamespaces, settle, uniqueLabName } from '../lab/lab-leak-check.js';
import { checkRequirements } from '../../src/lab/requirements.js';
import { probeNetnsPattern } from '../../src/lab/kernel-features.js';

const ready = process.getuid?.() === 0 && checkRequirements({ capture: false }).every((r) => r.ok);
const asRoot = testNeeding('root with FRR, iproute2, nftables and util-linux', ready);

const labs: [string, string][] = [];
function newLab(prefix: string): { name: string; dir: string; args: string[] } {
  const name = uniqueLabName(prefix);
  const parent = mkdtempSync(join(tmpdir(), 'thrice-hostile-lab-'));
  // mkdtemp makes it 0700, and FRR's daemons (user frr) must reach the lab directory inside.
  chmodSync(parent, 0o755);
  const dir = join(parent, 'lab');
  labs.push([name, dir]);
  return { name, dir, args: [THREE_LAYER, '--name', name, '--dir', dir] };
}
afterEach(() => {
  for (const [name, dir] of labs.splice(0)) {
    cleanUp(name, dir);
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
});

const probeOf = (name: string): string | undefined => labNamespaces(name).split(' ').find((n) => probeNetnsPattern(name).test(n));

describe('lab up killed part way', { timeout: 180_000 }, () => {
  asRoot('killed while its kernel probe namespace exists: down removes it, and nothing of the lab is left', async () => {
    const { name, dir, args } = newLab('hk1');
    expect(await killLabUpWhen(args, () => probeOf(name) !== undefined)).toBe(true);
    await settle(name, dir);
    // The probe outlives the killed process: this is what used to be left unrecorded.
    expect(probeOf(name)).toBeDefined();
    expect(runCli(['lab', 'down', '--dir', dir]).status).toBe(0);
    expectNothingLeft(name, dir);
  });

  asRoot('killed while its kernel probe namespace exists: the next up removes it and comes up, and down leaves nothing', async () => {
    const { name, dir, args } = newLab('hk2');
    expect(await killLabUpWhen(args, () => probeOf(name) !== undefined)).toBe(true);
    await settle(name, dir);
    const leaked = probeOf(name);
    expect(leaked).toBeDefined();
    const up = runCli(['lab', 'up', ...args]);
    expect(up.status, up.stderr).toBe(0);
    expect(labNamespaces(name).split(' ')).not.toContain(leaked);
    expect(runCli(['lab', 'down', '--dir', dir]).status).toBe(0);
    expectNothingLeft(name, dir);
  });

  asRoot('killed while creating namespaces, its state then lost: down by name and directory removes what is marked as the lab\'s', async () => {
    const { name, dir, args } = newLab('hk3');
    const device = (): boolean => labNamespaces(name).split(' ').some((n) => n !== '' && !probeNetnsPattern(name).test(n));
    expect(await killLabUpWhen(args, device)).toBe(true);
    await settle(name, dir);
    expect(device()).toBe(true);
    // As when /tmp is cleaned while the namespaces live on: no state file names them any more.
    rmSync(dir, { recursive: true, force: true });
    expect(runCli(['lab', 'down', '--name', name, '--dir', dir]).status).toBe(0);
    expectNothingLeft(name, dir);
  });
});
