// Unit tests of the leaf overlay view: which VPCs, subnets and host VLANs a leaf gets, quoting, MTU and namespace names.
import { describe, expect, it } from 'vitest';
import type { FabricIR } from '../../src/ir/fabric-ir.js';
import type { OverlayIR } from '../../src/ir/overlay-ir.js';
import { buildLeafOverlayView } from '../../src/emit/iproute2/leaf-overlay-view-builder.js';
import { tenantNetnsName } from '../../src/emit/iproute2/leaf-overlay-netns-name.js';
import { overlay, overlayFabric, overlaySwitch, reversedOverlayTopology } from '../helpers/leaf-overlay-fixtures.js';

const view = (name: string, fabric: FabricIR = overlayFabric, ir: OverlayIR = overlay) => buildLeafOverlayView(fabric, ir, overlaySwitch(name));

describe('buildLeafOverlayView', () => {
  it('builds leaf2: one VRF, its L3 VNI with the leaf router MAC, two subnets, host VLANs on two ports', () => {
    expect(view('leaf2')).toEqual({
      title: 'leaf2 (leaf)',
      vtepAddress: `'10.255.0.4'`,
      vxlanPort: `'4789'`,
      mtu: `'9166'`,
      mtuReason: '9166 = fabric MTU 9216 - 50 bytes of VXLAN',
      tenantSysctls: [`'net.ipv4.ip_forward=1'`],
      tenants: [
        {
          comment: 'VPC blue 10.1.0.0/16: VRF blue, routing table 50001, L3 VNI 50001, peered with green',
          vrf: `'blue'`,
          vrfTable: `'50001'`,
          netns: `'leaf2--blue'`,
          netnsNotice: `'thrice: VRF blue of leaf2 is network namespace leaf2--blue'`,
          l3Vni: {
            comment: 'L3 VNI 50001 (symmetric IRB): routed tenant traffic between leaves; the bridge MAC is the router MAC',
            vni: `'50001'`,
            vxlan: `'vxlan50001'`,
            bridge: `'br50001'`,
            mac: `'02:72:0a:ff:00:04'`,
          },
          subnets: [
            {
              vni: {
                comment: 'subnet blue/db 10.1.2.0/24: L2 VNI 10102, VLAN 3 to hosts, anycast gateway 10.1.2.1',
                vni: `'10102'`,
                vxlan: `'vxlan10102'`,
                bridge: `'br10102'`,
                mac: `'02:74:68:00:27:76'`,
              },
              gateway: `'10.1.2.1/24'`,
              sviSysctls: [`'net.ipv4.conf.br10102.arp_ignore=1'`, `'net.ipv4.conf.br10102.arp_accept=1'`],
              own: {
                comment: "leaf2's own address 10.1.2.254 in the subnet, on macvlan br10102-v0: it ARPs from it, so replies come back here",
                device: `'br10102-v0'`,
                mac: `'02:72:0a:ff:00:04'`,
                address: `'10.1.2.254/24'`,
                sysctls: [`'net.ipv4.conf.br10102-v0.arp_announce=2'`, `'net.ipv4.conf.br10102-v0.arp_ignore=1'`],
              },
              ports: [
                { comment: 'swp1.3 to host hv2', device: `'swp1.3'`, parent: `'swp1'`, vlan: `'3'` },
                { comment: 'swp2.3 to host hv4', device: `'swp2.3'`, parent: `'swp2'`, vlan: `'3'` },
              ],
            },
            {
              vni: {
                comment: 'subnet blue/nodes 10.1.1.0/24: L2 VNI 10101, VLAN 2 to hosts, anycast gateway 10.1.1.1',
                vni: `'10101'`,
                vxlan: `'vxlan10101'`,
                bridge: `'br10101'`,
                mac: `'02:74:68:00:27:75'`,
              },
              gateway: `'10.1.1.1/24'`,
              sviSysctls: [`'net.ipv4.conf.br10101.arp_ignore=1'`, `'net.ipv4.conf.br10101.arp_accept=1'`],
              own: {
                comment: "leaf2's own address 10.1.1.253 in the subnet, on macvlan br10101-v0: it ARPs from it, so replies come back here",
                device: `'br10101-v0'`,
                mac: `'02:72:0a:ff:00:04'`,
                address: `'10.1.1.253/24'`,
                sysctls: [`'net.ipv4.conf.br10101-v0.arp_announce=2'`, `'net.ipv4.conf.br10101-v0.arp_ignore=1'`],
              },
              ports: [{ comment: 'swp1.2 to host hv2', device: `'swp1.2'`, parent: `'swp1'`, vlan: `'2'` }],
            },
          ],
          // overlay-netns.sh keeps these in leaf2--blue: every device of the tenant but the VRF, and its addresses.
          keepLinks: ['br10101', 'br10101-v0', 'br10102', 'br10102-v0', 'br50001', 'swp1.2', 'swp1.3', 'swp2.3', 'vxlan10101', 'vxlan10102', 'vxlan50001'],
          keepAddresses: ['br10101 10.1.1.1/24', 'br10101-v0 10.1.1.253/24', 'br10102 10.1.2.1/24', 'br10102-v0 10.1.2.254/24'],
        },
      ],
      // overlay.sh keeps the same devices and the VRF device; it adds no route of its own and labels no address.
      converge: {
        owner: 'overlay.sh',
        ownerWord: `'overlay.sh'`,
        labelSuffix: `''`,
        labelsAddresses: false,
        makesLinks: true,
        routeProtocol: null,
        routeProtocolText: null,
        links: ['blue', 'br10101', 'br10101-v0', 'br10102', 'br10102-v0', 'br50001', 'swp1.2', 'swp1.3', 'swp2.3', 'vxlan10101', 'vxlan10102', 'vxlan50001'],
        addresses: ['br10101 10.1.1.1/24', 'br10101-v0 10.1.1.253/24', 'br10102 10.1.2.1/24', 'br10102-v0 10.1.2.254/24'],
        routes: [],
      },
      // overlay-netns.sh keeps nothing outside the tenant namespaces: it moves every device into them.
      convergeNetns: {
        owner: 'overlay-netns.sh',
        ownerWord: `'overlay-netns.sh'`,
        labelSuffix: `''`,
        labelsAddresses: false,
        makesLinks: true,
        routeProtocol: null,
        routeProtocolText: null,
        links: [],
        addresses: [],
        routes: [],
      },
      tenantMark: `'thrice overlay-netns.sh, tenant namespace of leaf2'`,
      tenantNamespaces: ['leaf2--blue'],
    });
  });

  it('gives leaf1 both VPCs, each with only the subnets that have a VM under it', () => {
    const tenants = view('leaf1').tenants;
    expect(tenants.map((t) => [t.vrf, t.netns, t.subnets.map((s) => s.vni.vxlan)])).toEqual([
      [`'blue'`, `'leaf1--blue'`, [`'vxlan10101'`]],
      [`'green'`, `'leaf1--green'`, [`'vxlan10201'`]],
    ]);
    // One router MAC per leaf, shared by its L3 VNIs; remote leaves tell VTEPs apart by it.
    expect(tenants.map((t) => t.l3Vni.mac)).toEqual([`'02:72:0a:ff:00:03'`, `'02:72:0a:ff:00:03'`]);
  });

  it('gives spines and leaves without VMs no tenant to make, and nothing to keep', () => {
    for (const name of ['spine1', 'border1']) {
      expect(view(name).tenants, name).toEqual([]);
      // ...but to remove: converging keeps no device, address or tenant namespace.
      expect([view(name).converge.links, view(name).converge.addresses, view(name).tenantNamespaces], name).toEqual([[], [], []]);
    }
  });

  it('gives no switch a tenant when the hosts are the VTEPs', () => {
    const hostVteps: FabricIR = { ...overlayFabric, vtep: 'host' };
    expect(view('leaf1', hostVteps).tenants).toEqual([]);
  });

  it('derives the MTU from the fabric MTU', () => {
    expect(view('leaf3', { ...overlayFabric, mtu: 1550 }).mtu).toBe(`'1500'`);
  });

  it('does not depend on the order of the IR lists', () => {
    const reversed = reversedOverlayTopology();
    if (!reversed.fabric) throw new Error('no fabric');
    for (const name of ['leaf1', 'leaf2', 'leaf3']) {
      const sw = reversed.fabric.switches.find((s) => s.name === name);
      if (!sw) throw new Error(name);
      expect(buildLeafOverlayView(reversed.fabric, reversed.overlay, sw), name).toEqual(view(name));
    }
  });

  it('refuses an IR that places a VM on a host the fabric does not know', () => {
    const broken: OverlayIR = { ...overlay, vms: overlay.vms.map((vm) => (vm.name === 'k8s-2' ? { ...vm, host: 'hv9' } : vm)) };
    expect(() => view('leaf2', overlayFabric, broken)).toThrow(/lacks a host/);
  });

  it('refuses a subinterface name longer than Linux allows', () => {
    const fabric: FabricIR = { ...overlayFabric, hosts: overlayFabric.hosts.map((h) => (h.name === 'hv2' ? { ...h, leafInterface: 'swp-very-long1' } : h)) };
    expect(() => view('leaf2', fabric)).toThrow(/longer than 15/);
  });
});

describe('tenantNetnsName', () => {
  it('joins leaf and VRF with a double dash, so every leaf of a lab kernel gets its own namespaces', () => {
    expect(tenantNetnsName('leaf1', 'blue')).toBe('leaf1--blue');
    expect(tenantNetnsName('pod1-leaf2', 'green')).toBe('pod1-leaf2--green');
  });
});
