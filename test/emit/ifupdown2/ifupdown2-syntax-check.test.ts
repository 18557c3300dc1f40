// Every emitted interfaces file passes ifupdown2's own syntax check, warning-free, and uses only keywords it documents.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { TopologyIR } from '../../../src/ir/topology-ir.js';
import { hostInterfacesEmitter } from '../../../src/emit/ifupdown2/host-interfaces-emitter.js';
import { switchInterfacesEmitter } from '../../../src/emit/ifupdown2/switch-interfaces-emitter.js';
import { threeTierNumbered, topologyOf, twoTierUnnumbered } from '../../helpers/fabric-ir-fixtures.js';
import { compiledExamples, overlayTopology } from '../../helpers/leaf-overlay-fixtures.js';
import { hasCommand, testNeeding } from '../test-needing.js';

const withIfupdown2 = testNeeding('ifupdown2 (ifup, ifquery)', hasCommand('ifup') && hasCommand('ifquery'));
const root = mkdtempSync(join(tmpdir(), 'thrice-ifupdown2-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** ifupdown2's exit code when another ifup/ifquery holds its global lock (/run/network/.lock). */
const LOCK_BUSY = 89;

/**
 * `ifup -a --syntax-check -i FILE`: parses the file and runs every addon's checks, configuring nothing. It exits 1 on
 * a warning too (e.g. an MTU set on a bridge), which stderr names. Files are checked one at a time (this file's tests
 * run serially), and a busy lock is waited out.
 */
function syntaxCheck(path: string, contents: string): { status: number | null; stderr: string } {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
  for (let attempt = 0; ; attempt++) {
    const run = spawnSync('ifup', ['-a', '--syntax-check', '-i', path], { encoding: 'utf8' });
    if (run.status !== LOCK_BUSY || attempt === 10) return { status: run.status, stderr: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}` };
    spawnSync('sleep', ['0.5']);
  }
}

/**
 * Every keyword `ifquery --syntax-help` documents: its two-space-indented lines. ifupdown2 accepts unknown attributes
 * silently (an addon just never reads them), so this closes that hole.
 */
function documentedKeywords(): ReadonlySet<string> {
  const help = spawnSync('ifquery', ['--syntax-help'], { encoding: 'utf8' }).stdout ?? '';
  return new Set([...help.matchAll(/^ {2}([a-z0-9-]+)$/gm)].map((m) => m[1] ?? ''));
}

/** The attribute keywords of a file: the first word of each indented, non-comment line. */
function keywordsOf(contents: string): string[] {
  return [...contents.matchAll(/^[ \t]+([^\s#]\S*)/gm)].map((m) => m[1] ?? '');
}

describe('the ifupdown2 checks themselves', () => {
  withIfupdown2('reject a bad value and a bridge MTU (so a pass means something)', () => {
    const badValue = syntaxCheck(join(root, 'broken/value'), 'auto br0\niface br0\n    bridge-ports none\n    ipv6-addrgen maybe\n');
    expect(badValue.status, badValue.stderr).not.toBe(0);
    expect(badValue.stderr).toContain('ipv6-addrgen');
    const bridgeMtu = syntaxCheck(join(root, 'broken/mtu'), 'auto vx1\niface vx1\n    vxlan-id 1\n    vxlan-local-tunnelip 10.0.0.1\n\nauto br1\niface br1\n    bridge-ports vx1\n    mtu 9000\n');
    expect(bridgeMtu.status, bridgeMtu.stderr).not.toBe(0);
    expect(bridgeMtu.stderr).toContain('inherits mtu');
  });

  withIfupdown2('documents the keywords thrice uses, and not a made-up one', () => {
    const keywords = documentedKeywords();
    for (const keyword of ['vxlan-id', 'address-virtual', 'bridge-ports-condone-regex', 'vrf-table', 'post-up']) expect(keywords).toContain(keyword);
    expect(keywords).not.toContain('vxlan-lerning');
  });
});

const topologies: (readonly [string, TopologyIR])[] = [
  ['two-tier unnumbered', topologyOf(twoTierUnnumbered, 'two-tier-unnumbered')],
  ['three-tier numbered', topologyOf(threeTierNumbered, 'three-tier-numbered')],
  // The hand-built overlay's VRF tables (50001, 50002) lie outside 1001-5000, which ifupdown2 reserves for VRFs and
  // the IR allocates from (1000 + VPC id); it is checked with the tables the IR would give it.
  ['overlay (VPCs blue and green)', { ...overlayTopology, overlay: { ...overlayTopology.overlay, vpcs: overlayTopology.overlay.vpcs.map((v) => ({ ...v, vrfTable: 1000 + v.id })) } }],
  ...(await compiledExamples()).map((example) => [`example ${example.name}`, example.ir] as const),
];

/** `ifquery --syntax-help`, read once. */
let keywordCache: ReadonlySet<string> | undefined;

describe.each(topologies)('ifupdown2 accepts every interfaces file of the %s fixture', (fixture, topology) => {
  const files = [...switchInterfacesEmitter.emit(topology), ...hostInterfacesEmitter.emit(topology)].filter((f) => f.path.endsWith('/interfaces'));
  for (const file of files) {
    withIfupdown2(file.path, () => {
      const { status, stderr } = syntaxCheck(join(root, fixture.replace(/\W+/g, '-'), file.path), file.contents);
      expect({ status, stderr }, `--- ${file.path} ---\n${file.contents}`).toEqual({ status: 0, stderr: '' });
      const documented = (keywordCache ??= documentedKeywords());
      const unknown = keywordsOf(file.contents).filter((k) => !documented.has(k));
      expect(unknown, `keywords ifquery --syntax-help does not list, in ${file.path}`).toEqual([]);
    });
  }
});
