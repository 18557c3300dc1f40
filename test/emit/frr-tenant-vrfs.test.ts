// The tenant VRF sections of frr.conf: which switches get them, their values, and the printed FRR 8.4 text.
import { describe, expect, it } from 'vitest';
import type { FabricIR } from '../../src/ir/fabric-ir.js';
import { buildFrrConfigView } from '../../src/emit/frr/build-frr-config-view.js';
import { frrEmitter } from '../../src/emit/frr/frr-emitter.js';
import { compiledExamples, overlay, overlayFabric, overlaySwitch, overlayTopology, reversedOverlayTopology } from '../helpers/leaf-overlay-fixtures.js';
import { topologyOf, twoTierUnnumbered } from '../helpers/fabric-ir-fixtures.js';

const vrfsOf = (name: string, fabric: FabricIR = overlayFabric) => buildFrrConfigView(fabric, overlaySwitch(name), overlay).tenantVrfs;

const confOf = (name: string): string => {
  const file = frrEmitter.emit(overlayTopology).find((f) => f.path === `fabric/${name}/frr.conf`);
  if (!file) throw new Error(`no frr.conf for ${name}`);
  return file.contents;
};

describe('tenant VRFs in the frr.conf view', () => {
  it('gives a leaf one VRF per VPC with a VM under it, by name, with its L3 VNI, RD and route targets', () => {
    expect(vrfsOf('leaf1')).toEqual([
      {
        name: 'blue',
        l3Vni: 50001,
        asn: 65100,
        routerId: '10.255.0.3',
        rd: '10.255.0.3:32769',
        routeTargetExport: '65000:50001',
        routeTargetImports: ['65000:50001', '65000:50002'],
        defaultOriginate: false,
        importVrfs: ['green'],
        evpnExportMap: 'EVPN-OUT-blue',
        leakImportMap: 'LEAK-IN-blue',
      },
      {
        name: 'green',
        l3Vni: 50002,
        asn: 65100,
        routerId: '10.255.0.3',
        rd: '10.255.0.3:32770',
        routeTargetExport: '65000:50002',
        routeTargetImports: ['65000:50001', '65000:50002'],
        defaultOriginate: false,
        importVrfs: ['blue'],
        evpnExportMap: 'EVPN-OUT-green',
        leakImportMap: 'LEAK-IN-green',
      },
    ]);
    expect(vrfsOf('leaf2').map((v) => [v.name, v.asn, v.rd])).toEqual([['blue', 65101, '10.255.0.4:32769']]);
  });

  it('gives spines, leaves without VMs and every switch of a host-VTEP fabric no VRF', () => {
    expect(vrfsOf('spine1')).toEqual([]);
    expect(vrfsOf('border1')).toEqual([]);
    const hostVteps: FabricIR = { ...overlayFabric, vtep: 'host' };
    for (const sw of hostVteps.switches) expect(buildFrrConfigView(hostVteps, sw, overlay).tenantVrfs, sw.name).toEqual([]);
  });

  it('leaves the underlay untouched: still loopbacks only in ipv4 unicast, advertise-all-vni on leaves', () => {
    const withOverlay = buildFrrConfigView(overlayFabric, overlaySwitch('leaf1'), overlay);
    const without = buildFrrConfigView(overlayFabric, overlaySwitch('leaf1'));
    expect({ ...withOverlay, tenantVrfs: [], tenantPrefixLists: [], tenantRouteMaps: [] }).toEqual(without);
    expect(withOverlay.bgp.advertiseAllVni).toBe(true);
  });

  it('does not depend on the order of VPCs, subnets or route targets in the IR', () => {
    expect(frrEmitter.emit(reversedOverlayTopology())).toEqual(frrEmitter.emit(overlayTopology));
  });
});

describe('tenant VRFs in the printed frr.conf', () => {
  it('maps each VRF to its L3 VNI right after the header', () => {
    expect(confOf('leaf1')).toContain('service integrated-vtysh-config\n!\nvrf blue\n vni 50001\nexit-vrf\n!\nvrf green\n vni 50002\nexit-vrf\n!\ninterface lo\n');
  });

  it('ends with one BGP instance per VRF: connected subnets out as type-5 routes, explicit RD and route targets', () => {
    expect(confOf('leaf3').endsWith(
      [
        'router bgp 65102 vrf blue',
        ' bgp router-id 10.255.0.5',
        ' !',
        ' address-family ipv4 unicast',
        '  redistribute connected',
        '  import vrf green',
        '  import vrf route-map LEAK-IN-blue',
        ' exit-address-family',
        ' !',
        ' address-family l2vpn evpn',
        '  advertise ipv4 unicast route-map EVPN-OUT-blue',
        '  rd 10.255.0.5:32769',
        '  route-target import 65000:50001',
        '  route-target import 65000:50002',
        '  route-target export 65000:50001',
        ' exit-address-family',
        'exit',
        '!',
        'router bgp 65102 vrf green',
        ' bgp router-id 10.255.0.5',
        ' !',
        ' address-family ipv4 unicast',
        '  redistribute connected',
        '  import vrf blue',
        '  import vrf route-map LEAK-IN-green',
        ' exit-address-family',
        ' !',
        ' address-family l2vpn evpn',
        '  advertise ipv4 unicast route-map EVPN-OUT-green',
        '  rd 10.255.0.5:32770',
        '  route-target import 65000:50001',
        '  route-target import 65000:50002',
        '  route-target export 65000:50002',
        ' exit-address-family',
        'exit',
        '!',
        '',
      ].join('\n'),
    )).toBe(true);
  });

  it('lets each VRF send only its own prefixes as type-5 routes and leak in only each local peer\'s own', () => {
    const conf = confOf('leaf3');
    expect(conf).toContain('ip prefix-list VPC-blue seq 10 permit 10.1.0.0/16 le 32\nip prefix-list VPC-green seq 10 permit 10.2.0.0/16 le 32\n!\n');
    expect(conf).toMatch(/^route-map EVPN-OUT-blue permit 10\n description .*\n match ip address prefix-list VPC-blue\nexit$/m);
    expect(conf).toMatch(/^route-map LEAK-IN-blue permit 10\n description .*\n match source-vrf green\n match ip address prefix-list VPC-green\nexit$/m);
    // Defined before the BGP instances that use them.
    expect(conf.indexOf('route-map LEAK-IN-green permit')).toBeLessThan(conf.indexOf('router bgp'));
    expect(confOf('leaf2')).not.toMatch(/LEAK-IN|import vrf/);
  });

  it('keeps the global EVPN section and the loopback-only policy of a leaf with VRFs', () => {
    const conf = confOf('leaf2');
    expect(conf).toContain(' address-family l2vpn evpn\n  neighbor fabric activate\n  advertise-all-vni\n exit-address-family\n');
    expect(conf).toContain('  neighbor fabric route-map FABRIC-IN in\n  neighbor fabric route-map FABRIC-OUT out\n');
    expect(conf.match(/route-map FABRIC-(IN|OUT) (in|out)/g)).toHaveLength(2);
  });

  it('prints nothing of the overlay on spines and border leaves, nor on fabrics without VPCs', () => {
    for (const name of ['spine1', 'spine2', 'border1']) expect(confOf(name)).not.toMatch(/^vrf |vrf \w+$|advertise ipv4 unicast/m);
    for (const file of frrEmitter.emit(topologyOf(twoTierUnnumbered))) expect(file.contents).not.toMatch(/^vrf |router bgp \d+ vrf/m);
  });

  it('keeps the peerings of examples/peering-chain.yaml one hop: each leak map names only the peers on that switch', async () => {
    const example = (await compiledExamples()).find((e) => e.name === 'peering-chain');
    if (!example) throw new Error('examples/peering-chain.yaml is missing');
    const conf = (sw: string) => frrEmitter.emit(example.ir).find((f) => f.path === `fabric/${sw}/frr.conf`)?.contents ?? '';
    const leakMaps = (sw: string) => [...conf(sw).matchAll(/^route-map (LEAK-IN-\S+) permit \d+\n.*\n match source-vrf (\S+)$/gm)].map((m) => `${m[1]} from ${m[2]}`);
    // leaf1 carries every VRF: bravo takes from both neighbours, alpha and charlie only from bravo, never each other.
    expect(leakMaps('leaf1')).toEqual(['LEAK-IN-alpha from bravo', 'LEAK-IN-bravo from alpha', 'LEAK-IN-bravo from charlie', 'LEAK-IN-charlie from bravo']);
    expect(leakMaps('leaf3')).toEqual(['LEAK-IN-bravo from charlie', 'LEAK-IN-charlie from bravo']);
    expect(conf('leaf3')).not.toContain('VPC-alpha');
    for (const sw of ['leaf1', 'leaf2', 'leaf3', 'border1']) {
      expect(conf(sw).match(/^ {2}advertise ipv4 unicast.*$/gm)?.every((l) => / route-map EVPN-OUT-\S+$/.test(l)), sw).toBe(true);
    }
  });

  it('gives the leaves of examples/three-layer.yaml the VRFs of their VMs, and the border leaf every VRF', async () => {
    const example = (await compiledExamples()).find((e) => e.name === 'three-layer');
    if (!example) throw new Error('examples/three-layer.yaml is missing');
    const vrfs = Object.fromEntries(
      frrEmitter.emit(example.ir).map((f) => [f.path, [...f.contents.matchAll(/^router bgp \d+ vrf (\S+)$/gm)].map((m) => m[1])]),
    );
    // Border leaves announce a default route into each VRF: north-south traffic enters and leaves there.
    expect([...(frrEmitter.emit(example.ir).find((f) => f.path === 'fabric/border1/frr.conf')?.contents.matchAll(/^  default-originate ipv4$/gm) ?? [])]).toHaveLength(2);
    expect(vrfs).toMatchObject({
      'fabric/leaf1/frr.conf': ['blue', 'green'],
      'fabric/leaf2/frr.conf': ['blue', 'green'],
      'fabric/leaf3/frr.conf': ['blue', 'green'],
      'fabric/border1/frr.conf': ['blue', 'green'],
      'fabric/spine1/frr.conf': [],
    });
  });
});
