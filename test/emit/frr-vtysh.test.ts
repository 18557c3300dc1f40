// Every generated frr.conf must be accepted by FRR's own parser (`vtysh -C`, a dry run that needs no daemons).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { frrEmitter } from '../../src/emit/frr/frr-emitter.js';
import { threeTierNumbered, topologyOf, twoTierUnnumbered } from '../helpers/fabric-ir-fixtures.js';
import { compiledExamples, overlayTopology } from '../helpers/leaf-overlay-fixtures.js';
import { hasCommand, testNeeding } from './test-needing.js';

const withVtysh = testNeeding('vtysh (FRR)', hasCommand('vtysh'));
const root = mkdtempSync(join(tmpdir(), 'thrice-vtysh-'));
// vtysh reads vtysh.conf from --config_dir; an empty one keeps the machine's own FRR setup out of the check.
writeFileSync(join(root, 'vtysh.conf'), '');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs `vtysh -C` on one config; exit 0 means FRR parsed every line. */
function checkWithVtysh(path: string, contents: string): { status: number | null; output: string } {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
  const run = spawnSync('vtysh', ['--config_dir', root, '-C', '-f', path], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}` };
}

describe('the vtysh check itself', () => {
  withVtysh('rejects a config with a line FRR does not know (so a pass means something)', () => {
    const { status, output } = checkWithVtysh(join(root, 'broken/frr.conf'), 'router bgp 65000\n neighbor fabric peer-grup\nexit\n');
    expect(status, output).toBe(2);
    expect(output).toContain('peer-grup');
  });
});

describe('the vtysh check of tenant VRF sections', () => {
  withVtysh('rejects a misspelt line inside router bgp vrf and inside vrf (so a pass covers them too)', () => {
    const vrf = checkWithVtysh(join(root, 'broken-vrf/frr.conf'), 'vrf blue\n vni 50001x\nexit-vrf\n');
    expect(vrf.status, vrf.output).toBe(2);
    const bgp = 'router bgp 65100 vrf blue\n address-family l2vpn evpn\n  route-target imprt 65000:1\n exit-address-family\nexit\n';
    const bgpVrf = checkWithVtysh(join(root, 'broken-bgp-vrf/frr.conf'), bgp);
    expect(bgpVrf.status, bgpVrf.output).toBe(2);
  });
});

const topologies = [
  ['two-tier unnumbered', topologyOf(twoTierUnnumbered, 'two-tier-unnumbered'), {}],
  ['three-tier numbered', topologyOf(threeTierNumbered, 'three-tier-numbered'), {}],
  ['overlay (VPCs blue and green)', overlayTopology, {}],
  ...(await compiledExamples()).map((example) => [`example ${example.name}`, example.ir, example.secrets] as const),
] as const;

describe.each(topologies)('vtysh -C accepts every frr.conf of the %s fixture', (fixture, topology, secrets) => {
  for (const file of frrEmitter.emit(topology, secrets)) {
    withVtysh(file.path, () => {
      const path = join(root, fixture.replace(/\W+/g, '-'), file.path);
      // Exit 0: parsed; 2: a line was rejected (vtysh prints which, with the line number).
      const { status, output } = checkWithVtysh(path, file.contents);
      expect(status, `vtysh rejected ${file.path}:\n${output}\n--- ${file.path} ---\n${file.contents}`).toBe(0);
    });
  }
});
