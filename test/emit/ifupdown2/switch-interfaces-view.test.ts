// Unit tests of the ifupdown2 views: the anycast gateway stanza, VRF and VXLAN stanzas, ports, sysctls, the hypervisor's.
import { describe, expect, it } from 'vitest';
import { buildHostInterfacesView } from '../../../src/emit/ifupdown2/host-interfaces-view-builder.js';
import type { InterfaceStanzaView } from '../../../src/emit/ifupdown2/interface-stanza-view.js';
import { buildSwitchInterfacesView, buildSwitchSysctlView } from '../../../src/emit/ifupdown2/switch-interfaces-view-builder.js';
import { attribute } from '../../../src/emit/ifupdown2/stanza-attribute.js';
import { switchNamed, threeTierNumbered } from '../../helpers/fabric-ir-fixtures.js';
import { overlay, overlayFabric, overlaySwitch, reversedOverlayTopology } from '../../helpers/leaf-overlay-fixtures.js';

/** `keyword value` lines of a stanza, without the reasons. */
const lines = (stanza: InterfaceStanzaView | undefined) => stanza?.attributes.map((a) => `${a.keyword} ${a.value}`);
const leaf = (name: string) => buildSwitchInterfacesView(overlayFabric, overlay, overlaySwitch(name));
const stanza = (name: string, device: string) => leaf(name).tenants.flatMap((t) => t.stanzas).find((s) => s.name === device);

describe('buildSwitchInterfacesView: tenant overlays', () => {
  it('gives leaf2 one VPC: VRF, L3 VNI, then per subnet its VNI, host VLANs and bridge, in that order', () => {
    const [blue, ...others] = leaf('leaf2').tenants;
    expect(others).toEqual([]);
    expect(blue?.comment).toBe('VPC blue 10.1.0.0/16: VRF blue, routing table 50001, L3 VNI 50001, peered with green');
    expect(blue?.stanzas.map((s) => s.name)).toEqual([
      'blue', 'vxlan50001', 'br50001',
      'vxlan10102', 'swp1.3', 'swp2.3', 'br10102',
      'vxlan10101', 'swp1.2', 'br10101',
    ]);
  });

  it('makes the VRF with its table, and the L3 VNI bridge with the router MAC and no IPv6 link-local', () => {
    expect(lines(stanza('leaf2', 'blue'))).toEqual(['vrf-table 50001']);
    expect(lines(stanza('leaf2', 'br50001'))).toEqual([
      'bridge-ports vxlan50001',
      'bridge-learning vxlan50001=off',
      'bridge-arp-nd-suppress vxlan50001=on',
      'hwaddress 02:72:0a:ff:00:04',
      'vrf blue',
      'ipv6-addrgen off',
    ]);
  });

  it('puts the VXLAN device on the loopback, port 4789, without learning, at the fabric MTU minus 50', () => {
    expect(lines(stanza('leaf2', 'vxlan10102'))).toEqual([
      'vxlan-id 10102',
      'vxlan-local-tunnelip 10.255.0.4',
      'vxlan-port 4789',
      'vxlan-learning no',
      'mtu 9166',
    ]);
    expect(lines(stanza('leaf2', 'swp2.3'))).toEqual(['mtu 9166']);
  });

  it('builds the anycast gateway as overlay.sh does: shared pair on the bridge at metric 1024, own pair on br<vni>-v0 at 0', () => {
    expect(lines(stanza('leaf2', 'br10102'))).toEqual([
      'bridge-ports vxlan10102 swp1.3 swp2.3',
      'bridge-learning vxlan10102=off',
      'bridge-arp-nd-suppress vxlan10102=on',
      'hwaddress 02:74:68:00:27:76',
      'vrf blue',
      'address 10.1.2.1/24',
      'arp-accept on',
      'address-virtual 02:72:0a:ff:00:04 10.1.2.254/24',
      `post-up ip addr replace '10.1.2.1/24' dev 'br10102' metric 1024`,
      `post-up ip addr replace '10.1.2.254/24' dev 'br10102-v0'`,
      `post-up sysctl -q -w 'net.ipv4.conf.br10102.arp_ignore=1'`,
      `post-up sysctl -q -w 'net.ipv4.conf.br10102-v0.arp_announce=2'`,
      `post-up sysctl -q -w 'net.ipv4.conf.br10102-v0.arp_ignore=1'`,
    ]);
    // Every post-up line that starts a kind of command says why ifupdown2 cannot do it natively.
    const reasons = stanza('leaf2', 'br10102')?.attributes.filter((a) => a.why !== null).map((a) => a.value.split(' ')[0]);
    expect(reasons).toEqual(['ip', 'ip', 'sysctl']);
  });

  it('uses each leaf its own address and router MAC in a shared subnet', () => {
    expect(lines(stanza('leaf3', 'br10101'))).toContain('address-virtual 02:72:0a:ff:00:05 10.1.1.252/24');
    expect(lines(stanza('leaf1', 'br10101'))).toContain('address-virtual 02:72:0a:ff:00:03 10.1.1.254/24');
  });

  it('gives switches that serve no VPC no overlay', () => {
    for (const name of ['spine1', 'border1']) {
      expect(leaf(name).tenants).toEqual([]);
      expect(leaf(name).overlayMtuReason).toBeNull();
    }
  });

  it('does not depend on input order', () => {
    const reversed = reversedOverlayTopology();
    for (const name of ['leaf1', 'leaf2', 'leaf3']) {
      const sw = reversed.fabric?.switches.find((s) => s.name === name);
      if (!reversed.fabric || !sw) throw new Error(`no ${name}`);
      expect(buildSwitchInterfacesView(reversed.fabric, reversed.overlay, sw)).toEqual(leaf(name));
    }
  });
});

describe('buildSwitchInterfacesView: loopback and ports', () => {
  it('routes each hypervisor /32 to its host port from the loopback, in a post-up', () => {
    expect(leaf('leaf2').hostPorts.map(lines)).toEqual([
      ['mtu 9216', 'ip-forward on', `post-up ip route replace '10.255.0.8/32' dev 'swp1' src '10.255.0.4'`],
      ['mtu 9216', 'ip-forward on', `post-up ip route replace '10.255.0.10/32' dev 'swp2' src '10.255.0.4'`],
    ]);
    expect(leaf('leaf2').loopback).toEqual({ comment: null, name: 'lo', method: ' inet loopback', attributes: [attribute('address', '10.255.0.4/32')] });
  });

  it('puts the /31 on numbered fabric ports', () => {
    const sw = switchNamed(threeTierNumbered, threeTierNumbered.switches[0]?.name ?? '');
    const view = buildSwitchInterfacesView(threeTierNumbered, { vpcs: [], vms: [] }, sw);
    for (const [i, port] of view.fabricPorts.entries()) {
      expect(lines(port)).toEqual(['mtu 9216', `address ${[...sw.interfaces].sort((a, b) => a.port - b.port)[i]?.address}`, 'ip-forward on']);
    }
  });

  it('sets the two global router sysctls', () => {
    expect(buildSwitchSysctlView(overlaySwitch('spine1')).settings.map((s) => `${s.key}=${s.value}`)).toEqual([
      'net.ipv4.ip_forward=1',
      'net.ipv4.fib_multipath_hash_policy=1',
    ]);
  });
});

describe('buildHostInterfacesView', () => {
  const hv2 = () => {
    const host = overlayFabric.hosts.find((h) => h.name === 'hv2');
    if (!host) throw new Error('no hv2');
    return buildHostInterfacesView(overlayFabric, overlay, host);
  };

  it('puts the underlay /32 on the uplink and routes the loopback pool on-link via the leaf loopback', () => {
    expect(lines(hv2().uplink)).toEqual([
      'mtu 9166',
      'address 10.255.0.8/32',
      `post-up ip route replace '10.255.0.0/16' via '10.255.0.4' dev 'eth0' onlink src '10.255.0.8'`,
    ]);
  });

  it('makes per VLAN a subinterface and a bridge that leaves libvirt its VM ports', () => {
    expect(hv2().vlans.map((s) => [s.name, ...(lines(s) ?? [])])).toEqual([
      ['eth0.2', 'mtu 9166'],
      ['vlan2', 'bridge-ports eth0.2', 'bridge-ports-condone-regex ^vmport[0-9]+$'],
      ['eth0.3', 'mtu 9166'],
      ['vlan3', 'bridge-ports eth0.3', 'bridge-ports-condone-regex ^vmport[0-9]+$'],
    ]);
    expect(hv2().vmPorts).toEqual([
      'vmport0: VM k8s-2 (vms/k8s-2/libvirt-interface.xml) in bridge vlan2',
      'vmport1: VM pg-1 (vms/pg-1/libvirt-interface.xml) in bridge vlan3',
    ]);
  });
});

describe('attribute', () => {
  it('refuses a value that would end the line, start a comment or a Mako expression', () => {
    for (const bad of ['a b', 'a\nb', '#x', '${x}', '']) expect(() => attribute('alias', bad)).toThrow(/plain ifupdown2 value/);
  });
});
