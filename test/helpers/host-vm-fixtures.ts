// Hand-built overlay and cluster IR over the two-tier fabric fixture, plus the compiled three-layer example, for host/VM/pod-overlay emitters.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClusterIR, ClusterNodeIR, CniIR } from '../../src/ir/cluster-ir.js';
import type { SubnetIR, VmIR, VpcIR } from '../../src/ir/overlay-ir.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import { buildTopology } from '../../src/compile/pipeline.js';
import { fileSystemHost } from '../../src/cli/file-system-host.js';
import { packageRoot } from '../../src/package-root.js';
import { twoTierUnnumbered } from './fabric-ir-fixtures.js';

interface SubnetRow {
  readonly vpc: string;
  readonly name: string;
  readonly cidr: string;
  readonly vni: number;
  readonly vlan: number;
}

interface VmRow {
  readonly name: string;
  readonly vpc: string;
  readonly subnet: string;
  readonly host: string;
  readonly ip: string;
  readonly hostPort: string;
  readonly mtu?: number;
}

const LEAF_OF_HOST: Readonly<Record<string, string>> = { hv1: 'leaf1', hv2: 'leaf2' };

const SUBNETS: readonly SubnetRow[] = [
  { vpc: 'blue', name: 'db', cidr: '10.1.2.0/24', vni: 10102, vlan: 3 },
  { vpc: 'blue', name: 'nodes', cidr: '10.1.1.0/24', vni: 10101, vlan: 2 },
  { vpc: 'green', name: 'apps', cidr: '10.2.1.0/24', vni: 10201, vlan: 10 },
];

/**
 * hv1 holds k8s-1 and k8s-3 (same subnet: the same bridge) and batch-1; hv2 holds k8s-2, pg-1 (MTU pinned
 * to 1500, below the trunk's) and bastion on vmport10 (natural port order: vmport1 before vmport10), a non-node
 * VM of the nodes subnet that has no route to the pods.
 */
const VMS: readonly VmRow[] = [
  { name: 'bastion', vpc: 'blue', subnet: 'nodes', host: 'hv2', ip: '10.1.1.20', hostPort: 'vmport10' },
  { name: 'batch-1', vpc: 'green', subnet: 'apps', host: 'hv1', ip: '10.2.1.2', hostPort: 'vmport1' },
  { name: 'k8s-1', vpc: 'blue', subnet: 'nodes', host: 'hv1', ip: '10.1.1.2', hostPort: 'vmport0' },
  { name: 'k8s-2', vpc: 'blue', subnet: 'nodes', host: 'hv2', ip: '10.1.1.3', hostPort: 'vmport0' },
  { name: 'k8s-3', vpc: 'blue', subnet: 'nodes', host: 'hv1', ip: '10.1.1.4', hostPort: 'vmport2' },
  { name: 'pg-1', vpc: 'blue', subnet: 'db', host: 'hv2', ip: '10.1.2.10', hostPort: 'vmport1', mtu: 1500 },
];

/** Fabric MTU 9216 minus one VXLAN layer (the leaves'), and minus another for flannel's. */
const VM_MTU = 9166;
const POD_MTU = 9116;

function subnetIR(row: SubnetRow): SubnetIR {
  const base = row.cidr.split('/')[0]?.split('.') ?? [];
  return {
    name: row.name,
    vpc: row.vpc,
    cidr: row.cidr,
    prefixLength: 24,
    vni: row.vni,
    vlan: row.vlan,
    gateway: [...base.slice(0, 3), '1'].join('.'),
    gatewayMac: `02:74:68:00:00:${row.vlan.toString(16).padStart(2, '0')}`,
    leafAddresses: [],
    bridge: `br${row.vni}`,
    vxlan: `vxlan${row.vni}`,
    leaves: [...new Set(VMS.filter((vm) => vm.vpc === row.vpc && vm.subnet === row.name).map((vm) => LEAF_OF_HOST[vm.host] ?? ''))].sort(),
    origin: ['vpcs'],
  };
}

const subnets = SUBNETS.map(subnetIR);

function vmIR(row: VmRow, index: number): VmIR {
  const subnet = subnets.find((s) => s.vpc === row.vpc && s.name === row.subnet);
  if (!subnet) throw new Error(`fixture VM ${row.name} names unknown subnet ${row.subnet}`);
  const octets = row.ip.split('.').map(Number);
  return {
    name: row.name,
    vpc: row.vpc,
    subnet: row.subnet,
    host: row.host,
    leaf: LEAF_OF_HOST[row.host] ?? '',
    ip: row.ip,
    prefixLength: subnet.prefixLength,
    gateway: subnet.gateway,
    // Upper case on purpose: scripts print MACs as the kernel does, in lower case.
    mac: ['02', row.vpc === 'blue' ? '01' : '02', ...octets.map((o) => o.toString(16).padStart(2, '0'))].join(':').toUpperCase(),
    mtu: row.mtu ?? VM_MTU,
    hostPort: row.hostPort,
    interface: 'eth0',
    securityGroups: [],
    origin: ['vpcs', 0, 'vms', index],
  };
}

function vpcIR(name: string, id: number, cidr: string, l3Vni: number): VpcIR {
  const own = subnets.filter((s) => s.vpc === name).sort((a, b) => (a.name < b.name ? -1 : 1));
  const leaves = [...new Set(own.flatMap((s) => s.leaves))].sort();
  return {
    name,
    id,
    cidr,
    l3Vni,
    vrf: name,
    vrfTable: l3Vni,
    l3Bridge: `br${l3Vni}`,
    l3Vxlan: `vxlan${l3Vni}`,
    routerMacs: leaves.map((leaf, i) => ({ leaf, mac: `02:72:0a:ff:01:0${i + 1}` })),
    routeTargetExport: `65000:${l3Vni}`,
    routeTargetImports: [`65000:${l3Vni}`],
    peers: [],
    subnets: own,
    leaves,
    securityGroups: [],
    origin: ['vpcs', id - 1],
  };
}

function nodeIR(vmName: string, podIndex: number): ClusterNodeIR {
  const vm = VMS.find((v) => v.name === vmName);
  if (!vm) throw new Error(`fixture node ${vmName} is no VM`);
  const hex = vm.ip.split('.').map((o) => Number(o).toString(16).padStart(2, '0'));
  return {
    name: vm.name,
    host: vm.host,
    leaf: LEAF_OF_HOST[vm.host] ?? '',
    address: vm.ip,
    interface: 'eth0',
    podSubnet: `10.244.${podIndex}.0/24`,
    bridgeAddress: `10.244.${podIndex}.1/24`,
    vtepAddress: `10.244.${podIndex}.0/32`,
    vtepMac: ['02', '66', ...hex].join(':'),
    origin: ['clusters', 0, 'nodes', podIndex - 1],
  };
}

const VXLAN_CNI: CniIR = { plugin: 'flannel', backend: 'vxlan', vni: 1, port: 8472, device: 'flannel.1', mtu: POD_MTU };

const prod: ClusterIR = {
  name: 'prod',
  vpc: 'blue',
  podCidr: '10.244.0.0/16',
  serviceCidr: '10.96.0.0/12',
  nodeCidrSize: 24,
  cni: VXLAN_CNI,
  // Listed out of order on purpose: emitters sort.
  nodes: [nodeIR('k8s-3', 3), nodeIR('k8s-1', 1), nodeIR('k8s-2', 2)],
  namespaces: [],
  workloads: [],
  networkPolicies: [],
  importedPolicies: [],
  policyModel: { namespaces: [], pods: [], workloads: [], services: [], networkPolicies: [] },
  manifestFiles: [],
  origin: ['clusters', 0],
};

/** Two VPCs over the two-tier fabric (hv1 under leaf1, hv2 under leaf2) and cluster prod on three VMs of blue/nodes. */
export const hostVmTopology: TopologyIR = {
  name: 'hostvm',
  fabric: twoTierUnnumbered,
  overlay: { vpcs: [vpcIR('blue', 1, '10.1.0.0/16', 50001), vpcIR('green', 2, '10.2.0.0/16', 50002)], vms: VMS.map(vmIR) },
  clusters: [prod],
  firewalls: [],
};

/** The same topology with every cluster on another flannel backend (host-gw routes without encapsulation). */
export function withBackend(topology: TopologyIR, backend: CniIR['backend']): TopologyIR {
  // As the compiler sets them: flannel's own MTU overheads (host-gw 0, WireGuard 80) and WireGuard's device and ListenPort.
  const cni = backend === 'host-gw' ? { mtu: VM_MTU } : backend === 'wireguard' ? { mtu: VM_MTU - 80, device: 'flannel-wg', port: 51820 } : { mtu: POD_MTU };
  return { ...topology, clusters: topology.clusters.map((c) => ({ ...c, cni: { ...c.cni, backend, ...cni } })) };
}

/** `examples/three-layer.yaml` compiled by the real pipeline (with its committed lock file and manifests). */
export function threeLayerExample(): TopologyIR {
  const spec = join(packageRoot(), 'examples', 'three-layer.yaml');
  const lock = join(packageRoot(), 'examples', 'three-layer.lock.yaml');
  const result = buildTopology({
    spec: { file: spec, text: readFileSync(spec, 'utf8') },
    lock: { file: lock, text: readFileSync(lock, 'utf8') },
    host: fileSystemHost(spec),
  });
  if (!result.ir) throw new Error(`examples/three-layer.yaml did not compile: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.ir;
}

export function vmNamed(topology: TopologyIR, name: string): VmIR {
  const vm = topology.overlay.vms.find((v) => v.name === name);
  if (!vm) throw new Error(`fixture has no VM ${name}`);
  return vm;
}

export function clusterNamed(topology: TopologyIR, name: string): ClusterIR {
  const cluster = topology.clusters.find((c) => c.name === name);
  if (!cluster) throw new Error(`fixture has no cluster ${name}`);
  return cluster;
}

/** A copy with every list the host, VM and pod-overlay emitters read reversed, to prove that they sort. */
export function reversedLists(topology: TopologyIR): TopologyIR {
  return {
    ...topology,
    fabric: topology.fabric && { ...topology.fabric, hosts: [...topology.fabric.hosts].reverse() },
    overlay: {
      vpcs: [...topology.overlay.vpcs].reverse().map((vpc) => ({ ...vpc, subnets: [...vpc.subnets].reverse() })),
      vms: [...topology.overlay.vms].reverse(),
    },
    clusters: [...topology.clusters].reverse().map((c) => ({ ...c, nodes: [...c.nodes].reverse() })),
  };
}

/** The topology without a fabric, VPCs or clusters: emitters must return no files. */
export const emptyTopology: TopologyIR = { name: 'empty', overlay: { vpcs: [], vms: [] }, clusters: [], firewalls: [] };
