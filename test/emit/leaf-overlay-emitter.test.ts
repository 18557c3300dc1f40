// The leaf overlay emitter end to end: which files, silent without a fabric or VPCs, printed text, determinism.
import { describe, expect, it } from 'vitest';
import { leafOverlayEmitter } from '../../src/emit/iproute2/leaf-overlay-emitter.js';
import { compiledExamples, overlayTopology, reversedOverlayTopology } from '../helpers/leaf-overlay-fixtures.js';
import { topologyOf, twoTierUnnumbered } from '../helpers/fabric-ir-fixtures.js';

const fileOf = (path: string): string => {
  const file = leafOverlayEmitter.emit(overlayTopology).find((f) => f.path === path);
  if (!file) throw new Error(`no ${path}`);
  return file.contents;
};

describe('leafOverlayEmitter', () => {
  it('writes two executable scripts per leaf that serves a VPC, in name order, and none elsewhere', () => {
    expect(leafOverlayEmitter.emit(overlayTopology).map((f) => [f.path, f.executable])).toEqual(
      ['leaf1', 'leaf2', 'leaf3'].flatMap((leaf) => [
        [`fabric/${leaf}/overlay.sh`, true],
        [`fabric/${leaf}/overlay-netns.sh`, true],
      ]),
    );
  });

  it('emits nothing without a fabric, without VPCs, or when the hosts are the VTEPs', () => {
    expect(leafOverlayEmitter.emit(topologyOf(undefined))).toEqual([]);
    expect(leafOverlayEmitter.emit(topologyOf(twoTierUnnumbered))).toEqual([]);
    const fabric = overlayTopology.fabric;
    if (!fabric) throw new Error('no fabric');
    expect(leafOverlayEmitter.emit({ ...overlayTopology, fabric: { ...fabric, vtep: 'host' } })).toEqual([]);
  });

  it('is deterministic and independent of input order, and ends every file with exactly one newline', () => {
    const files = leafOverlayEmitter.emit(overlayTopology);
    expect(leafOverlayEmitter.emit(reversedOverlayTopology())).toEqual(files);
    for (const file of files) expect([file.contents.endsWith('\n'), file.contents.endsWith('\n\n')], file.path).toEqual([true, false]);
  });

  it('emits the scripts of examples/three-layer.yaml for leaf1-3 and the border leaf, never for spines', async () => {
    const example = (await compiledExamples()).find((e) => e.name === 'three-layer');
    if (!example) throw new Error('examples/three-layer.yaml is missing');
    expect(leafOverlayEmitter.emit(example.ir).map((f) => f.path)).toEqual(
      ['border1', 'leaf1', 'leaf2', 'leaf3'].flatMap((leaf) => [`fabric/${leaf}/overlay.sh`, `fabric/${leaf}/overlay-netns.sh`]),
    );
  });
});

describe('overlay.sh', () => {
  const script = fileOf('fabric/leaf2/overlay.sh');

  it('is POSIX sh that stops at the first error', () => {
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain('\nset -eu\n');
  });

  it('makes the VRF device and enslaves the L3 VNI bridge, with the router MAC, to it', () => {
    expect(script).toContain(
      [
        `link_exists 'blue' || ip link add 'blue' type vrf table '50001'`,
        `ip link set dev 'blue' up`,
        '# L3 VNI 50001 (symmetric IRB): routed tenant traffic between leaves; the bridge MAC is the router MAC',
        `link_exists 'vxlan50001' || ip link add 'vxlan50001' type vxlan id '50001' local '10.255.0.4' dstport '4789' nolearning`,
        `link_exists 'br50001' || ip link add 'br50001' type bridge`,
        `ip link set dev 'br50001' address '02:72:0a:ff:00:04' mtu '9166' master 'blue' up`,
        `ip link set dev 'vxlan50001' master 'br50001' mtu '9166' up`,
        `bridge link set dev 'vxlan50001' neigh_suppress on learning off`,
      ].join('\n'),
    );
  });

  it("gives the subnet bridge the anycast gateway, the leaf's own MAC and address a macvlan on it, and the hosts' VLANs", () => {
    expect(script).toContain(
      [
        `ip link set dev 'br10102' address '02:74:68:00:27:76' mtu '9166' master 'blue' up`,
        `ip link set dev 'vxlan10102' master 'br10102' mtu '9166' up`,
        `bridge link set dev 'vxlan10102' neigh_suppress on learning off`,
        `ip addr replace '10.1.2.1/24' dev 'br10102' metric 1024`,
        `sysctl -q -w 'net.ipv4.conf.br10102.arp_ignore=1'`,
        `sysctl -q -w 'net.ipv4.conf.br10102.arp_accept=1'`,
        "# leaf2's own address 10.1.2.254 in the subnet, on macvlan br10102-v0: it ARPs from it, so replies come back here",
        `link_exists 'br10102-v0' || ip link add link 'br10102' name 'br10102-v0' type macvlan mode private`,
        `sysctl -q -w 'net.ipv4.conf.br10102-v0.arp_announce=2'`,
        `sysctl -q -w 'net.ipv4.conf.br10102-v0.arp_ignore=1'`,
        `ip link set dev 'br10102-v0' address '02:72:0a:ff:00:04' mtu '9166' master 'blue' up`,
        `ip addr replace '10.1.2.254/24' dev 'br10102-v0'`,
        `bridge fdb replace '02:72:0a:ff:00:04' dev 'br10102' self local`,
        '# swp1.3 to host hv2',
        `link_exists 'swp1.3' || ip link add link 'swp1' name 'swp1.3' type vlan id '3'`,
        `ip link set dev 'swp1.3' master 'br10102' mtu '9166' up`,
      ].join('\n'),
    );
  });

  it('leaves the host ports to interfaces.sh', () => {
    expect(script).not.toMatch(/^ip link set dev 'swp\d+' /m);
  });
});

describe('overlay-netns.sh', () => {
  const vrf = fileOf('fabric/leaf1/overlay.sh');
  const netns = fileOf('fabric/leaf1/overlay-netns.sh');

  it('says at the top which lines differ from overlay.sh and why', () => {
    const header = netns.slice(0, netns.indexOf('\nset -eu\n'));
    expect(header).toContain('The lines that differ from overlay.sh, and why:');
    expect(header).toContain('`ip netns add <leaf>--<vrf>` replaces `ip link add <vrf> type vrf table <n>`');
    expect(header).toContain('`ip link set dev <device> netns <ns>` replaces `master <vrf>`');
    expect(header).toContain('zebra -n');
  });

  it('has no VRF device and no `master <vrf>`, and creates the namespace instead', () => {
    const commands = netns.split('\n').filter((line) => !line.startsWith('#'));
    expect(commands.filter((line) => /type vrf|master '(blue|green)'/.test(line))).toEqual([]);
    expect(netns).toContain(`netns_exists 'leaf1--green' || ip netns add 'leaf1--green'\n`);
    expect(netns).toContain(`ip netns exec 'leaf1--green' sysctl -q -w 'net.ipv4.ip_forward=1'\n`);
  });

  it('creates VXLAN devices next to the loopback, then moves them into the tenant namespace', () => {
    expect(netns).toContain(
      [
        `tenant_link_exists 'leaf1--green' 'vxlan10201' || link_exists 'vxlan10201' || ip link add 'vxlan10201' type vxlan id '10201' local '10.255.0.3' dstport '4789' nolearning`,
        `move_to_tenant 'leaf1--green' 'vxlan10201'`,
        `tenant_link_exists 'leaf1--green' 'br10201' || ip -n 'leaf1--green' link add 'br10201' type bridge`,
        `ip -n 'leaf1--green' link set dev 'br10201' address '02:74:68:00:27:d9' mtu '9166' up`,
      ].join('\n'),
    );
  });

  it('makes the same devices with the same values as overlay.sh', () => {
    const created = (text: string): string[] => [...text.matchAll(/ip (?:-n \S+ )?link add (?:link \S+ name )?('[^']+') type (vxlan|vlan|macvlan)[^\n]*/g)].map((m) => m[0].replace(/^ip -n \S+ /, 'ip ')).sort();
    expect(created(netns)).toEqual(created(vrf));
    const bridges = (text: string): string[] => [...text.matchAll(/link add ('br\d+') type bridge/g)].map((m) => m[1] ?? '').sort();
    expect(bridges(netns)).toEqual(bridges(vrf));
  });
});
