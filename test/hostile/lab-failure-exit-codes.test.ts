// Issue 8.2/8.3: what went wrong in the lab itself (daemons gone) still exits 1, in one line naming what is gone.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { testNeeding } from '../emit/test-needing.js';
import { THREE_LAYER } from '../lab/lab-fixtures.js';
import { checkRequirements } from '../../src/lab/requirements.js';

const ready = process.getuid?.() === 0 && checkRequirements({ capture: false }).every((r) => r.ok);
const asRoot = testNeeding('root with FRR, iproute2, nftables and util-linux', ready);

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('lab failures', () => {
  asRoot('verify of a lab whose daemons are gone exits 1 with one line naming each of them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thrice-hostile-lab-'));
    dirs.push(dir);
    const specHash = createHash('sha256').update(readFileSync(THREE_LAYER, 'utf8')).digest('hex');
    // Recorded by pid file only, and no pid file exists: neither daemon runs.
    const processes = [
      { role: 'zebra', device: 'leaf1', netns: 'hf-leaf1', pidFile: join(dir, 'frr/leaf1/zebra.pid') },
      { role: 'bgpd', device: 'spine1', netns: 'hf-spine1', pidFile: join(dir, 'frr/spine1/bgpd.pid') },
    ];
    const state = { version: 1, name: 'hf', dir, spec: THREE_LAYER, specHash, createdAt: '', phase: 'up', namespaces: [], mounts: [], processes, paths: [dir], parentDirs: [], differences: [] };
    writeFileSync(join(dir, 'lab-state.json'), JSON.stringify(state));
    writeFileSync(join(dir, 'lab-plan.json'), '{}');
    const run = runCli(['lab', 'verify', '--dir', dir]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('zebra of leaf1');
    expect(run.stderr).toContain('bgpd of spine1');
  });
});
