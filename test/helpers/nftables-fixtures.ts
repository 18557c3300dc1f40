// A hand-made TopologyIR with every firewall placement and security groups, over the two-tier fixture fabric, for the nftables tests.
import type { AddressIR, PortRange, Proto } from '../../src/ir/address-ir.js';
import type { FabricIR } from '../../src/ir/fabric-ir.js';
import type { FirewallIR, FirewallRuleIR } from '../../src/ir/firewall-ir.js';
import type { SecurityGroupIR, SecurityRuleIR, SubnetIR, VmIR, VpcIR } from '../../src/ir/overlay-ir.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import { firewallState } from '../../src/ir/firewall-state.js';
import { twoTierUnnumbered } from './fabric-ir-fixtures.js';

export const any: AddressIR = { ref: 'any', cidrs: ['0.0.0.0/0'] };
export const nodes: AddressIR = { ref: 'subnet:blue/nodes', cidrs: ['10.1.1.0/24'] };
export const db: AddressIR = { ref: 'subnet:blue/db', cidrs: ['10.1.2.0/24'] };
export const k8s1: AddressIR = { ref: 'vm:k8s-1', cidrs: ['10.1.1.11/32'] };
export const blueAndGreen: AddressIR = { ref: 'vpc:blue+green', cidrs: ['10.1.0.0/16', '10.2.0.0/16'] };
/** A reference that resolves to nothing (a cluster without pods, say). */
export const nowhere: AddressIR = { ref: 'pods:empty', cidrs: [] };

export const port = (from: number, to = from): PortRange => ({ from, to });

export function firewallRule(action: 'allow' | 'deny', from: AddressIR, to: AddressIR, proto: Proto, ports: PortRange[] = []): FirewallRuleIR {
  return { action, from, to, proto, ports, origin: ['firewalls'] };
}

export function sgRule(peer: AddressIR, proto: Proto, ports: PortRange[] = []): SecurityRuleIR {
  return { peer, proto, ports, origin: ['vpcs'] };
}

export function firewallOf(name: string, placement: FirewallIR['placement'], enforcedOn: string[], defaultAction: 'allow' | 'deny', rules: FirewallRuleIR[]): FirewallIR {
  return { name, placement, enforcedOn, defaultAction, state: firewallState(placement.kind, 1), rules, origin: ['firewalls'] };
}

function group(name: string, ingress: SecurityRuleIR[], egress?: SecurityRuleIR[]): SecurityGroupIR {
  return { name, vpc: 'blue', ingress, egress, origin: ['vpcs', 0, 'securityGroups'] };
}

function vm(name: string, host: string, hostPort: string, subnet: 'nodes' | 'db', ip: string, securityGroups: string[]): VmIR {
  return {
    name,
    vpc: 'blue',
    subnet,
    host,
    leaf: host === 'hv1' ? 'leaf1' : 'leaf2',
    ip,
    prefixLength: 24,
    gateway: subnet === 'nodes' ? '10.1.1.1' : '10.1.2.1',
    mac: '02:00:0a:01:01:0b',
    mtu: 9166,
    hostPort,
    interface: 'eth0',
    securityGroups,
    origin: ['vpcs', 0, 'vms'],
  };
}

/** k8s-nodes: egress `any`; postgres: no egress list (so unrestricted); locked: egress only DNS. */
export const securityGroups: readonly SecurityGroupIR[] = [
  group('k8s-nodes', [sgRule(nodes, 'udp', [port(8472)]), sgRule(nodes, 'tcp', [port(10250)]), sgRule(any, 'tcp', [port(6443), port(443)])], [sgRule(any, 'any')]),
  group('locked', [sgRule(nodes, 'icmp')], [sgRule(any, 'udp', [port(53)]), sgRule(nowhere, 'tcp', [port(80)])]),
  group('postgres', [sgRule(nodes, 'tcp', [port(5432)])]),
];

/**
 * hv1: k8s-1 (vmport0), batch-1 without groups (vmport1), web-1 (vmport2: two groups, both with egress lists),
 * cache-1 (vmport10: one group without egress list); hv2: k8s-2 (vmport0), pg-1 (vmport1).
 */
export const vms: readonly VmIR[] = [
  vm('batch-1', 'hv1', 'vmport1', 'nodes', '10.1.1.30', []),
  vm('cache-1', 'hv1', 'vmport10', 'nodes', '10.1.1.40', ['postgres', 'locked']),
  vm('k8s-1', 'hv1', 'vmport0', 'nodes', '10.1.1.11', ['k8s-nodes']),
  vm('k8s-2', 'hv2', 'vmport0', 'nodes', '10.1.1.12', ['k8s-nodes']),
  vm('pg-1', 'hv2', 'vmport1', 'db', '10.1.2.10', ['postgres']),
  vm('web-1', 'hv1', 'vmport2', 'nodes', '10.1.1.20', ['locked', 'k8s-nodes']),
];

/** The VMs' subnets: the hypervisors trunk them (VLANs 2 and 3), and their VMs sit under both leaves. */
function subnet(name: 'nodes' | 'db', third: number, vlan: number, origin: number): SubnetIR {
  return {
    name,
    vpc: 'blue',
    cidr: `10.1.${third}.0/24`,
    prefixLength: 24,
    vni: 10100 + third,
    vlan,
    gateway: `10.1.${third}.1`,
    gatewayMac: `02:74:68:00:00:0${third}`,
    leafAddresses: [
      { leaf: 'leaf1', address: `10.1.${third}.254` },
      { leaf: 'leaf2', address: `10.1.${third}.253` },
    ],
    bridge: `br${10100 + third}`,
    vxlan: `vxlan${10100 + third}`,
    leaves: ['leaf1', 'leaf2'],
    origin: ['vpcs', 0, 'subnets', origin],
  };
}

const blue: VpcIR = {
  name: 'blue',
  id: 1,
  cidr: '10.1.0.0/16',
  l3Vni: 50001,
  vrf: 'blue',
  vrfTable: 50001,
  l3Bridge: 'br50001',
  l3Vxlan: 'vxlan50001',
  routerMacs: [
    { leaf: 'leaf1', mac: '02:00:00:00:01:01' },
    { leaf: 'leaf2', mac: '02:00:00:00:01:02' },
  ],
  routeTargetExport: '65000:50001',
  routeTargetImports: ['65000:50001'],
  peers: [],
  subnets: [subnet('db', 2, 3, 1), subnet('nodes', 1, 2, 0)],
  leaves: ['leaf1', 'leaf2'],
  securityGroups,
  origin: ['vpcs', 0],
};

/** One firewall per placement, sorted by name as the IR sorts them; `1core` starts with a digit on purpose. */
export const firewalls: readonly FirewallIR[] = [
  firewallOf('1core', { kind: 'spines' }, ['spine1', 'spine2'], 'allow', [firewallRule('allow', any, any, 'any')]),
  firewallOf('db-acl', { kind: 'spines' }, ['spine1', 'spine2'], 'allow', [firewallRule('deny', nodes, db, 'tcp', [port(5432)])]),
  firewallOf('edge', { kind: 'border' }, ['border1'], 'deny', [firewallRule('allow', any, k8s1, 'tcp', [port(443)])]),
  firewallOf('hv2-guard', { kind: 'host', target: 'hv2' }, ['hv2'], 'allow', [firewallRule('deny', blueAndGreen, db, 'any', [port(5432), port(6000, 6100)])]),
  firewallOf('k8s-1-fw', { kind: 'vm', target: 'k8s-1' }, ['k8s-1'], 'deny', [
    firewallRule('allow', nodes, any, 'udp', [port(8472)]),
    firewallRule('allow', any, k8s1, 'tcp', [port(6443), port(443), port(444)]),
    firewallRule('allow', k8s1, any, 'any'),
  ]),
  firewallOf('rack1', { kind: 'leaf', target: 'leaf1' }, ['leaf1'], 'allow', [
    firewallRule('deny', any, db, 'tcp', [port(5432), port(5432, 5433)]),
    firewallRule('deny', any, db, 'icmp', [port(8)]),
    firewallRule('deny', nowhere, any, 'any'),
    firewallRule('allow', nodes, any, 'icmp'),
  ]),
];

/** Every placement over the two-tier fixture fabric (VTEPs on the leaves unless `fabric` says otherwise). */
export function nftablesTopology(fabric: FabricIR = twoTierUnnumbered): TopologyIR {
  return { name: 'nft-fixture', fabric, overlay: { vpcs: [blue], vms }, clusters: [], firewalls };
}

/** The same with the VTEPs on the hosts: leaf host ports are routed ports then. */
export function nftablesTopologyHostVteps(): TopologyIR {
  return nftablesTopology({ ...twoTierUnnumbered, vtep: 'host' });
}

/** Names as long as a DNS label allows (63), so that every comment and chain name stays within nft's limits. */
export function nftablesTopologyLongNames(): TopologyIR {
  const ir = nftablesTopology();
  const long = (prefix: string) => `${prefix}-${'x'.repeat(62 - prefix.length)}`;
  return {
    ...ir,
    overlay: { ...ir.overlay, vms: ir.overlay.vms.map((v) => ({ ...v, name: long(v.name) })) },
    firewalls: ir.firewalls.map((f) => ({ ...f, name: long(f.name), enforcedOn: f.placement.kind === 'vm' ? f.enforcedOn.map(long) : f.enforcedOn })),
  };
}
