// The nftables emitter over the hand-made fixture: which devices get a file, and what each placement and security group becomes.
import { describe, expect, it } from 'vitest';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import type { FirewallIR } from '../../src/ir/firewall-ir.js';
import { nftablesEmitter } from '../../src/emit/nftables/nftables-emitter.js';
import { buildRulesetView } from '../../src/emit/nftables/build-ruleset-view.js';
import { collectDeviceFilters } from '../../src/emit/nftables/device-filters.js';
import type { NftChainView, NftRulesetView } from '../../src/emit/nftables/ruleset-view.js';
import { firewalls, nftablesTopology, nftablesTopologyHostVteps } from '../helpers/nftables-fixtures.js';

const fileOf = (ir: TopologyIR, device: string): string => {
  const file = nftablesEmitter.emit(ir).find((f) => f.path === `nftables/${device}.nft`);
  if (!file) throw new Error(`no ruleset for ${device}`);
  return file.contents;
};

const viewOf = (ir: TopologyIR, device: string): NftRulesetView => {
  const filters = collectDeviceFilters(ir).find((d) => d.device.name === device);
  if (!filters) throw new Error(`${device} enforces nothing`);
  return buildRulesetView(ir, filters);
};

const chainOf = (view: NftRulesetView, table: string, chain: string): NftChainView => {
  const found = view.tables.find((t) => t.table === table)?.chains.find((c) => c.name === chain);
  if (!found) throw new Error(`no chain ${chain} in table ${table}`);
  return found;
};

const rulesOf = (chain: NftChainView): string[] => chain.lines.flatMap((l) => (l.rule === null ? [] : [l.rule]));

describe('nftablesEmitter files', () => {
  const files = nftablesEmitter.emit(nftablesTopology());

  it('writes one executable ruleset per enforcing device, in name order', () => {
    expect(files.map((f) => f.path)).toEqual(['border1', 'hv1', 'hv2', 'k8s-1', 'leaf1', 'spine1', 'spine2'].map((d) => `nftables/${d}.nft`));
    expect(files.every((f) => f.executable === true)).toBe(true);
  });

  it('starts each file as an nft script that re-creates every thrice table atomically', () => {
    for (const f of files) {
      expect(f.contents.startsWith('#!/usr/sbin/nft -f\n# nftables ruleset for ')).toBe(true);
      expect(f.contents).toContain('table inet thrice {}\ndelete table inet thrice\ntable bridge thrice {}\ndelete table bridge thrice\n');
      expect(f.contents.endsWith('}\n')).toBe(true);
    }
  });

  it('is deterministic whatever the order of the IR lists', () => {
    const ir = nftablesTopology();
    const shuffled: TopologyIR = { ...ir, firewalls: [...ir.firewalls].reverse(), overlay: { ...ir.overlay, vms: [...ir.overlay.vms].reverse() } };
    expect(nftablesEmitter.emit(shuffled)).toEqual(files);
  });

  it('writes nothing without firewalls or security groups', () => {
    expect(nftablesEmitter.emit({ name: 'empty', overlay: { vpcs: [], vms: [] }, clusters: [], firewalls: [] })).toEqual([]);
  });
});

describe('switch placements', () => {
  it('spines: every routed packet, every firewall in name order, stateless', () => {
    const view = viewOf(nftablesTopology(), 'spine1');
    expect(view.tables.map((t) => t.table)).toEqual(['inet thrice']);
    expect(rulesOf(chainOf(view, 'inet thrice', 'filter_forward'))).toEqual([
      'jump fw_1core comment "1core: every port"',
      'jump fw_db-acl comment "db-acl: every port"',
    ]);
    expect(rulesOf(chainOf(view, 'inet thrice', 'fw_db-acl'))).toEqual([
      'ip saddr 10.1.1.0/24 ip daddr 10.1.2.0/24 ip protocol tcp tcp dport 5432 counter drop comment "db-acl rule 1"',
      'counter return comment "db-acl default"',
    ]);
    expect(fileOf(nftablesTopology(), 'spine1')).not.toContain('ct state');
  });

  it('leaf with the VTEP on the leaf: a bridge table on its host ports and their VLAN subinterfaces', () => {
    const view = viewOf(nftablesTopology(), 'leaf1');
    expect(view.tables.map((t) => t.table)).toEqual(['bridge thrice']);
    expect(view.tables[0]?.chains.map((c) => c.name)).toEqual(['filter_input', 'filter_forward', 'filter_output', 'fw_rack1']);
    expect(rulesOf(chainOf(view, 'bridge thrice', 'filter_forward'))).toEqual([
      'ether type { ip, ip6 } iifname { "swp1", "swp1.*" } jump fw_rack1 comment "rack1: from host ports"',
      'ether type { ip, ip6 } oifname { "swp1", "swp1.*" } jump fw_rack1 comment "rack1: to host ports"',
    ]);
  });

  it('leaf with the VTEP on the host: routed host ports in the inet forward chain', () => {
    const view = viewOf(nftablesTopologyHostVteps(), 'leaf1');
    expect(view.tables.map((t) => t.table)).toEqual(['inet thrice']);
    expect(rulesOf(chainOf(view, 'inet thrice', 'filter_forward'))).toEqual([
      'iifname { "swp1", "swp1.*" } jump fw_rack1 comment "rack1: from host ports"',
      'oifname { "swp1", "swp1.*" } jump fw_rack1 comment "rack1: to host ports"',
    ]);
  });

  it('leaf rules: merged ports, and rules that can never match left as notes', () => {
    const chain = chainOf(viewOf(nftablesTopology(), 'leaf1'), 'bridge thrice', 'fw_rack1');
    expect(chain.lines).toContainEqual({ note: 'rule 1: deny any -> subnet:blue/db tcp 5432-5433', rule: 'ip daddr 10.1.2.0/24 ip protocol tcp tcp dport 5432-5433 counter drop comment "rack1 rule 1"' });
    expect(chain.lines).toContainEqual({ note: 'rule 2: deny any -> subnet:blue/db icmp 8 (never matches: icmp has no ports)', rule: null });
    expect(chain.lines).toContainEqual({ note: 'rule 3: deny pods:empty -> any any (never matches: pods:empty covers no address)', rule: null });
  });

  it('border: stateful, on the ports that are neither fabric links nor host ports, also behind a VRF', () => {
    const view = viewOf(nftablesTopology(), 'border1');
    expect(rulesOf(chainOf(view, 'inet thrice', 'filter_forward'))).toEqual([
      'iifname "swp*" iifname != { "swp11", "swp12" } jump fw_edge comment "edge: from the outside"',
      'meta sdifname "swp*" meta sdifname != { "swp11", "swp12" } jump fw_edge comment "edge: from the outside through a VRF"',
      'oifname "swp*" oifname != { "swp11", "swp12" } jump fw_edge comment "edge: to the outside"',
    ]);
    expect(rulesOf(chainOf(view, 'inet thrice', 'fw_edge'))).toEqual([
      'ct state established,related counter return comment "edge: replies"',
      'ct state invalid counter drop comment "edge: not part of any connection"',
      'ip daddr 10.1.1.11/32 ip protocol tcp tcp dport 443 counter return comment "edge rule 1"',
      'counter drop comment "edge default"',
    ]);
  });

  it('border with several border leaves: stateless, what the rules deny goes to a reply chain of reversed rules', () => {
    const topology = nftablesTopology();
    const ir = { ...topology, firewalls: topology.firewalls.map((f) => (f.placement.kind === 'border' ? { ...f, state: 'reflexive' as const } : f)) };
    const view = viewOf(ir, 'border1');
    expect(rulesOf(chainOf(view, 'inet thrice', 'fw_edge'))).toEqual([
      'ip daddr 10.1.1.11/32 ip protocol tcp tcp dport 443 counter return comment "edge rule 1"',
      'counter goto fw_edge_replies comment "edge default"',
    ]);
    expect(rulesOf(chainOf(view, 'inet thrice', 'fw_edge_replies'))).toEqual([
      'tcp flags & (syn | ack) == syn counter drop comment "edge: opens a connection"',
      'icmp type echo-request counter drop comment "edge: echo request"',
      'ip saddr 10.1.1.11/32 ip protocol tcp tcp sport 443 counter return comment "edge rule 1 reply"',
      'counter drop comment "edge default reply"',
    ]);
  });

  it('says so when a placement has no port on the device', () => {
    const leafWithoutHosts: FirewallIR = { ...(firewalls.find((f) => f.name === 'rack1') as FirewallIR), placement: { kind: 'leaf', target: 'leaf2' }, enforcedOn: ['border1'] };
    const ir = { ...nftablesTopology(), firewalls: [leafWithoutHosts] };
    const view = viewOf(ir, 'border1');
    expect(view.enforces.join('\n')).toContain('nothing reaches it');
    expect(view.tables[0]?.chains.map((c) => c.name)).toEqual(['fw_rack1']);
  });
});

describe('host and VM placements', () => {
  it('host: a stateful bridge filter on the VM ports of that host, before its security groups', () => {
    const view = viewOf(nftablesTopology(), 'hv2');
    expect(rulesOf(chainOf(view, 'bridge thrice', 'filter_output'))).toEqual([
      'ether type { ip, ip6 } oifname { "vmport0", "vmport1" } jump fw_hv2-guard comment "hv2-guard: to VM ports"',
      'ether type { ip, ip6 } oifname vmap { "vmport0" : jump sg_k8s-2_ingress, "vmport1" : jump sg_pg-1_ingress } comment "security groups: to the VMs"',
    ]);
    expect(rulesOf(chainOf(view, 'bridge thrice', 'fw_hv2-guard'))).toContain(
      'ip saddr { 10.1.0.0/16, 10.2.0.0/16 } ip daddr 10.1.2.0/24 ip protocol { tcp, udp } th dport { 5432, 6000-6100 } counter drop comment "hv2-guard rule 1"',
    );
  });

  it('vm: inside the VM on its interface as on the wire (prerouting and postrouting), stateful', () => {
    const view = viewOf(nftablesTopology(), 'k8s-1');
    expect(view.tables.map((t) => t.table)).toEqual(['inet thrice']);
    expect(chainOf(view, 'inet thrice', 'filter_prerouting')).toMatchObject({
      hook: 'type filter hook prerouting priority dstnat - 50; policy accept;',
      lines: [{ note: null, rule: 'iifname "eth0" jump fw_k8s-1-fw comment "k8s-1-fw: in on eth0"' }],
    });
    expect(chainOf(view, 'inet thrice', 'filter_postrouting').hook).toBe('type filter hook postrouting priority srcnat + 50; policy accept;');
    expect(rulesOf(chainOf(view, 'inet thrice', 'fw_k8s-1-fw'))[0]).toBe('ct state established,related counter return comment "k8s-1-fw: replies"');
  });
});

describe('security groups', () => {
  const hv1 = viewOf(nftablesTopology(), 'hv1');

  it('guard only VMs that have groups, by port, in a bridge table', () => {
    expect(rulesOf(chainOf(hv1, 'bridge thrice', 'filter_input'))).toEqual([
      'ether type { ip, ip6 } iifname vmap { "vmport0" : jump sg_k8s-1_egress, "vmport2" : jump sg_web-1_egress, "vmport10" : jump sg_cache-1_egress } comment "security groups: from the VMs"',
    ]);
    expect(hv1.tables.flatMap((t) => t.chains.map((c) => c.name))).not.toContain('sg_batch-1_ingress');
  });

  it('ingress: stateful, the union of every group rule, then drop', () => {
    expect(rulesOf(chainOf(hv1, 'bridge thrice', 'sg_web-1_ingress'))).toEqual([
      'ct state established,related counter return comment "web-1 ingress: replies"',
      'ct state invalid counter drop comment "web-1 ingress: not part of any connection"',
      'ip saddr 10.1.1.0/24 ip protocol udp udp dport 8472 counter return comment "sg k8s-nodes ingress 1"',
      'ip saddr 10.1.1.0/24 ip protocol tcp tcp dport 10250 counter return comment "sg k8s-nodes ingress 2"',
      'ip protocol tcp tcp dport { 443, 6443 } counter return comment "sg k8s-nodes ingress 3"',
      'ip saddr 10.1.1.0/24 ip protocol icmp counter return comment "sg locked ingress 1"',
      'counter drop comment "web-1 ingress: not allowed"',
    ]);
  });

  it('egress: the union of the egress rules when every group lists them', () => {
    expect(rulesOf(chainOf(hv1, 'bridge thrice', 'sg_web-1_egress')).slice(2)).toEqual([
      'ip version 4 counter return comment "sg k8s-nodes egress 1"',
      'ip protocol udp udp dport 53 counter return comment "sg locked egress 1"',
      'counter drop comment "web-1 egress: not allowed"',
    ]);
  });

  it('egress: unrestricted as soon as one group has no egress list', () => {
    expect(rulesOf(chainOf(hv1, 'bridge thrice', 'sg_cache-1_egress')).slice(2)).toEqual(['counter return comment "cache-1 egress: unrestricted"']);
  });
});

describe('device names', () => {
  it('refuses two devices of different kinds that would share a file', () => {
    const vmFirewall = firewalls.find((f) => f.placement.kind === 'vm') as FirewallIR;
    const ir = nftablesTopology();
    const clash: TopologyIR = {
      ...ir,
      overlay: { ...ir.overlay, vms: ir.overlay.vms.map((vm) => (vm.name === 'k8s-1' ? { ...vm, name: 'hv1' } : vm)) },
      firewalls: [{ ...vmFirewall, enforcedOn: ['hv1'] }],
    };
    expect(() => nftablesEmitter.emit(clash)).toThrow(/share nftables\/hv1\.nft/);
  });
});
