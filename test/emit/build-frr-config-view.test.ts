// Unit tests of the frr.conf view: sessions, descriptions, numbered vs unnumbered, and each tier's EVPN role.
import { describe, expect, it } from 'vitest';
import type { FabricIR, SwitchIR } from '../../src/ir/fabric-ir.js';
import { buildFrrConfigView } from '../../src/emit/frr/build-frr-config-view.js';
import { switchNamed, threeTierNumbered, twoTierUnnumbered } from '../helpers/fabric-ir-fixtures.js';

const view = (fabric: FabricIR, name: string) => buildFrrConfigView(fabric, switchNamed(fabric, name));

describe('buildFrrConfigView, unnumbered two-tier fabric', () => {
  it('gives a leaf one interface session per uplink, sorted by port, with RAs and no addresses', () => {
    const leaf = view(twoTierUnnumbered, 'leaf1');
    expect(leaf.interfaces).toEqual([
      { name: 'swp11', description: 'to spine2 swp1', address: null, raIntervalSeconds: 10 },
      { name: 'swp12', description: 'to spine1 swp1', address: null, raIntervalSeconds: 10 },
    ]);
    expect(leaf.bgp.neighbors).toEqual([
      { peer: 'swp11', interface: true, description: 'spine2 swp1' },
      { peer: 'swp12', interface: true, description: 'spine1 swp1' },
    ]);
  });

  it('identifies the switch by its loopback and advertises that /32, then its hypervisors\' underlay /32s', () => {
    const leaf = view(twoTierUnnumbered, 'leaf1');
    expect(leaf.header).toEqual({ hostname: 'leaf1', role: 'leaf' });
    expect(leaf.loopback).toBe('10.255.1.1/32');
    expect(leaf.bgp.asn).toBe(65101);
    expect(leaf.bgp.routerId).toBe('10.255.1.1');
    expect(leaf.bgp.networks).toEqual(['10.255.1.1/32', '10.255.2.1/32']);
    expect(view(twoTierUnnumbered, 'spine1').bgp.networks).toEqual([`${view(twoTierUnnumbered, 'spine1').bgp.routerId}/32`]);
  });

  it('names every downlink of a spine after the leaf and the leaf port', () => {
    const spine = view(twoTierUnnumbered, 'spine2');
    expect(spine.interfaces.map((i) => [i.name, i.description])).toEqual([
      ['swp1', 'to leaf1 swp11'],
      ['swp2', 'to leaf2 swp11'],
      ['swp3', 'to border1 swp11'],
    ]);
    expect(spine.bgp.neighbors.map((n) => n.peer)).toEqual(['swp1', 'swp2', 'swp3']);
  });

  it('advertises VNIs on leaves and border leaves, never on spines', () => {
    expect(view(twoTierUnnumbered, 'leaf1').bgp.advertiseAllVni).toBe(true);
    expect(view(twoTierUnnumbered, 'border1').bgp.advertiseAllVni).toBe(true);
    expect(view(twoTierUnnumbered, 'spine1').bgp.advertiseAllVni).toBe(false);
  });

  it('advertises no VNIs from any switch when the hosts are the VTEPs', () => {
    const hostVteps: FabricIR = { ...twoTierUnnumbered, vtep: 'host' };
    for (const sw of hostVteps.switches) expect(buildFrrConfigView(hostVteps, sw).bgp.advertiseAllVni).toBe(false);
  });

  it('sorts sessions by port number, not by name, whatever the input order', () => {
    const base = switchNamed(twoTierUnnumbered, 'spine1');
    const template = base.interfaces[0] as SwitchIR['interfaces'][number];
    const ports = [10, 2, 1];
    const spine: SwitchIR = {
      ...base,
      interfaces: ports.map((port) => ({ ...template, name: `swp${port}`, port, peer: `leaf${port}` })),
    };
    const built = buildFrrConfigView(twoTierUnnumbered, spine);
    expect(built.interfaces.map((i) => i.name)).toEqual(['swp1', 'swp2', 'swp10']);
    expect(built.bgp.neighbors.map((n) => n.peer)).toEqual(['swp1', 'swp2', 'swp10']);
  });
});

describe('buildFrrConfigView, numbered three-tier fabric', () => {
  it('puts the /31 on each port and peers with the far end of it', () => {
    const spine = view(threeTierNumbered, 'pod1-spine1');
    expect(spine.interfaces).toEqual([
      { name: 'swp1', description: 'to pod1-leaf1 swp8', address: '10.0.0.16/31', raIntervalSeconds: null },
      { name: 'swp2', description: 'to pod1-leaf2 swp8', address: '10.0.0.18/31', raIntervalSeconds: null },
      { name: 'swp7', description: 'to superspine2 swp1', address: '10.0.0.9/31', raIntervalSeconds: null },
      { name: 'swp8', description: 'to superspine1 swp1', address: '10.0.0.1/31', raIntervalSeconds: null },
    ]);
    expect(spine.bgp.neighbors).toEqual([
      { peer: '10.0.0.17', interface: false, description: 'pod1-leaf1 swp8' },
      { peer: '10.0.0.19', interface: false, description: 'pod1-leaf2 swp8' },
      { peer: '10.0.0.8', interface: false, description: 'superspine2 swp1' },
      { peer: '10.0.0.0', interface: false, description: 'superspine1 swp1' },
    ]);
  });

  it('gives a super-spine one session per spine of every pod and no VNIs', () => {
    const superSpine = view(threeTierNumbered, 'superspine2');
    expect(superSpine.bgp.asn).toBe(64900);
    expect(superSpine.bgp.neighbors.map((n) => [n.peer, n.description])).toEqual([
      ['10.0.0.9', 'pod1-spine1 swp7'],
      ['10.0.0.11', 'pod1-spine2 swp7'],
      ['10.0.0.13', 'pod2-spine1 swp7'],
      ['10.0.0.15', 'pod2-spine2 swp7'],
    ]);
    expect(superSpine.bgp.advertiseAllVni).toBe(false);
  });

  it('advertises VNIs from the leaves of every pod only', () => {
    const vteps = threeTierNumbered.switches
      .filter((sw) => buildFrrConfigView(threeTierNumbered, sw).bgp.advertiseAllVni)
      .map((sw) => sw.name);
    expect(vteps).toEqual(['pod1-leaf1', 'pod1-leaf2', 'pod2-leaf1', 'pod2-leaf2']);
  });

  it('refuses a numbered IR whose interface lacks the peer address', () => {
    const leaf = switchNamed(threeTierNumbered, 'pod1-leaf1');
    const broken: SwitchIR = { ...leaf, interfaces: leaf.interfaces.map((i) => ({ ...i, peerAddress: undefined })) };
    expect(() => buildFrrConfigView(threeTierNumbered, broken)).toThrow(/peer address/);
  });
});

describe('buildFrrConfigView, underlay policy', () => {
  it('carries only /32s of the loopback pool, in and out, on the whole peer group', () => {
    const spine = view(twoTierUnnumbered, 'spine1');
    expect(spine.prefixLists).toEqual([
      { name: 'LOOPBACKS', seq: 10, action: 'permit', prefix: '10.255.0.0/16', ge: 32, le: null },
    ]);
    expect(spine.bgp.peerGroup).toBe('fabric');
    expect(spine.bgp.importPolicy).toBe('FABRIC-IN');
    expect(spine.bgp.exportPolicy).toBe('FABRIC-OUT');
    // Out matches the whole pool, not the spine's own /32: a spine must pass other loopbacks on.
    expect(spine.routeMaps.map((r) => [r.name, r.action, r.seq, r.matchPrefixList])).toEqual([
      ['FABRIC-IN', 'permit', 10, 'LOOPBACKS'],
      ['FABRIC-OUT', 'permit', 10, 'LOOPBACKS'],
    ]);
  });

  it('uses the same timers and ECMP width on every tier', () => {
    for (const fabric of [twoTierUnnumbered, threeTierNumbered]) {
      for (const sw of fabric.switches) {
        const { keepaliveSeconds, holdSeconds, maximumPaths } = buildFrrConfigView(fabric, sw).bgp;
        expect([keepaliveSeconds, holdSeconds, maximumPaths]).toEqual([3, 9, 64]);
      }
    }
  });
});
