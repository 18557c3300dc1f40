// The leaf overlay emitter end to end: which files (every leaf, VPCs or not), silent without a fabric, printed text,
// converging, determinism.
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
  it('writes two executable scripts per leaf and border leaf, in name order, even one serving no VPC, and none on spines', () => {
    // border1 serves no VPC here: its scripts only remove what an earlier revision made.
    expect(leafOverlayEmitter.emit(overlayTopology).map((f) => [f.path, f.executable])).toEqual(
      ['border1', 'leaf1', 'leaf2', 'leaf3'].flatMap((leaf) => [
        [`fabric/${leaf}/overlay.sh`, true],
        [`fabric/${leaf}/overlay-netns.sh`, true],
      ]),
    );
  });

  it('emits nothing without a fabric or when the hosts are the VTEPs, and only removal without VPCs', () => {
    expect(leafOverlayEmitter.emit(topologyOf(undefined))).toEqual([]);
    // Without VPCs every leaf still gets both scripts, which keep nothing: run where an earlier revision had
    // tenants, they remove them. The two-tier fixture has a border leaf, two leaves and two spines.
    const empty = leafOverlayEmitter.emit(topologyOf(twoTierUnnumbered));
    expect(empty.map((f) => f.path)).toEqual(
      ['border1', 'leaf1', 'leaf2'].flatMap((leaf) => [`fabric/${leaf}/overlay.sh`, `fabric/${leaf}/overlay-netns.sh`]),
    );
    for (const file of empty.filter((f) => f.path.endsWith('/overlay.sh'))) {
      expect(file.contents, file.path).toContain(
        `\nprune_links_in '' <<'THRICE_KEEP'\nTHRICE_KEEP\nprune_addresses_in '' <<'THRICE_KEEP'\nTHRICE_KEEP\n`,
      );
      expect(file.contents, file.path).not.toMatch(/^ensure_link /m);
    }
    for (const file of empty.filter((f) => f.path.endsWith('/overlay-netns.sh'))) {
      expect(file.contents, file.path).toContain(
        `\nprune_tenants <<'THRICE_KEEP'\nTHRICE_KEEP\nprune_links_in '' <<'THRICE_KEEP'\nTHRICE_KEEP\n`,
      );
      expect(file.contents, file.path).not.toMatch(/^ensure_tenant /m);
    }
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
        `ensure_link 'blue' type vrf table '50001'`,
        `ip link set dev 'blue' up`,
        '# L3 VNI 50001 (symmetric IRB): routed tenant traffic between leaves; the bridge MAC is the router MAC',
        `ensure_link 'vxlan50001' type vxlan id '50001' local '10.255.0.4' dstport '4789' nolearning`,
        `ensure_link 'br50001' type bridge`,
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
        `ensure_link 'br10102-v0' link 'br10102' type macvlan mode private`,
        `sysctl -q -w 'net.ipv4.conf.br10102-v0.arp_announce=2'`,
        `sysctl -q -w 'net.ipv4.conf.br10102-v0.arp_ignore=1'`,
        `ip link set dev 'br10102-v0' address '02:72:0a:ff:00:04' mtu '9166' master 'blue' up`,
        `ip addr replace '10.1.2.254/24' dev 'br10102-v0'`,
        `bridge fdb replace '02:72:0a:ff:00:04' dev 'br10102' self local`,
        '# swp1.3 to host hv2',
        `ensure_link 'swp1.3' link 'swp1' type vlan id '3'`,
        `ip link set dev 'swp1.3' master 'br10102' mtu '9166' up`,
      ].join('\n'),
    );
  });

  it('first removes what an earlier revision made, keeping every device and address of this one', () => {
    expect(script).toContain(`\nTHRICE_OWNER='overlay.sh'\nTHRICE_LABEL=''\n`);
    expect(script).toContain(
      [
        `prune_links_in '' <<'THRICE_KEEP'`,
        'blue',
        'br10101',
        'br10101-v0',
        'br10102',
        'br10102-v0',
        'br50001',
        'swp1.2',
        'swp1.3',
        'swp2.3',
        'vxlan10101',
        'vxlan10102',
        'vxlan50001',
        'THRICE_KEEP',
        `prune_addresses_in '' <<'THRICE_KEEP'`,
        'br10101 10.1.1.1/24',
        'br10101-v0 10.1.1.253/24',
        'br10102 10.1.2.1/24',
        'br10102-v0 10.1.2.254/24',
        'THRICE_KEEP',
        '',
      ].join('\n'),
    );
    // overlay.sh adds no route of its own (zebra does), so it has no route protocol to prune by.
    expect(script).not.toContain('prune_routes');
    expect(script.indexOf(`prune_links_in ''`)).toBeLessThan(script.indexOf(`ensure_link 'blue'`));
    // Every device it creates, it creates with its mark, and keeps: nothing made is missing from the keep list.
    const made = [...script.matchAll(/^ensure_link '([^']+)' /gm)].map((m) => m[1]).sort();
    const kept = /prune_links_in '' <<'THRICE_KEEP'\n([\s\S]*?)\nTHRICE_KEEP/.exec(script)?.[1]?.split('\n');
    expect(made).toEqual(kept);
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
    expect(netns).toContain(`\nensure_tenant 'leaf1--green'\n`);
    expect(netns).toContain(
      [
        'ensure_tenant() {',
        `  if ! ip -n "$1" link show dev lo >/dev/null 2>&1; then ip netns add "$1"; fi`,
        `  ip -n "$1" link set dev lo alias 'thrice overlay-netns.sh, tenant namespace of leaf1' up`,
        '}',
      ].join('\n'),
    );
    expect(netns).toContain(`ip netns exec 'leaf1--green' sysctl -q -w 'net.ipv4.ip_forward=1'\n`);
  });

  it('creates VXLAN devices next to the loopback, then moves them into the tenant namespace', () => {
    expect(netns).toContain(
      [
        `ensure_tenant_link 'leaf1--green' 'vxlan10201' type vxlan id '10201' local '10.255.0.3' dstport '4789' nolearning`,
        `ensure_link_in 'leaf1--green' 'br10201' type bridge`,
        `ip -n 'leaf1--green' link set dev 'br10201' address '02:74:68:00:27:d9' mtu '9166' up`,
      ].join('\n'),
    );
    // ensure_tenant_link makes the device here, with its mark, and then moves it into the namespace.
    expect(netns).toContain(`  ensure_link "$device" "$@"\n  ip link set dev "$device" netns "$tenant"\n}\n`);
  });

  it('first deletes the tenant namespaces and devices an earlier revision made and this one does not have', () => {
    expect(netns).toContain(`\nTHRICE_OWNER='overlay-netns.sh'\nTHRICE_LABEL=''\n`);
    // Namespaces of this leaf's VPCs are kept; every device moves into them, so none is kept here.
    expect(netns).toContain(
      `\nprune_tenants <<'THRICE_KEEP'\nleaf1--blue\nleaf1--green\nTHRICE_KEEP\nprune_links_in '' <<'THRICE_KEEP'\nTHRICE_KEEP\n`,
    );
    // In each namespace, before anything is made there: the devices and addresses of this revision are kept.
    expect(netns).toContain(
      [
        `ensure_tenant 'leaf1--green'`,
        `printf '%s\\n' 'thrice: VRF green of leaf1 is network namespace leaf1--green'`,
        '# What an earlier revision made in this namespace and this one does not have.',
        `prune_links_in 'leaf1--green' <<'THRICE_KEEP'`,
        'br10201',
        'br10201-v0',
        'br50002',
        'swp1.4',
        'vxlan10201',
        'vxlan50002',
        'THRICE_KEEP',
        `prune_addresses_in 'leaf1--green' <<'THRICE_KEEP'`,
        'br10201 10.2.1.1/24',
        'br10201-v0 10.2.1.254/24',
        'THRICE_KEEP',
        `ip netns exec 'leaf1--green' sysctl -q -w 'net.ipv4.ip_forward=1'`,
      ].join('\n'),
    );
  });

  it('makes the same devices with the same values as overlay.sh', () => {
    // `<device> <ip link add arguments>` of every device a script creates (and marks), wherever it lives: the VRF
    // device is overlay.sh's alone, so only the VXLAN, VLAN, macvlan and bridge devices are compared.
    const created = (text: string): string[] =>
      [...text.matchAll(/^(?:ensure_link|ensure_link_in '[^']+'|ensure_tenant_link '[^']+') ('[^']+' [^\n]*type (?:vxlan|vlan|macvlan|bridge)\b[^\n]*)$/gm)]
        .map((m) => m[1] ?? '')
        .sort();
    expect(created(vrf).length).toBeGreaterThan(0);
    expect(created(netns)).toEqual(created(vrf));
    expect(created(vrf).filter((line) => line.includes(' type bridge'))).toEqual([
      `'br10101' type bridge`,
      `'br10201' type bridge`,
      `'br50001' type bridge`,
      `'br50002' type bridge`,
    ]);
  });
});
