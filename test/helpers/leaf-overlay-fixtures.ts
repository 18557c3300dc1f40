// A hand-built TopologyIR with tenant overlays (VPCs blue and green, peered) for the leaf overlay and FRR tests, and the compiled examples.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FabricInterfaceIR, FabricIR, HostIR, SwitchIR, SwitchRole } from '../../src/ir/fabric-ir.js';
import type { OverlayIR, SubnetIR, VmIR, VpcIR } from '../../src/ir/overlay-ir.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import type { EmitSecrets } from '../../src/emit/emitter.js';

/*
 * Two tiers, unnumbered, radix 8, like examples/three-layer.yaml plus one host (hv4) so that a leaf has two
 * trunk ports. Leaf uplink to spine k is swp{9-k}; spine downlink to the i-th lower switch is swp{i}.
 *
 *   leaf1 (AS 65100, 10.255.0.3): hv1 on swp1   blue/nodes (k8s-1), green/apps (batch-1)
 *   leaf2 (AS 65101, 10.255.0.4): hv2 on swp1   blue/nodes (k8s-2), blue/db (pg-1)
 *                                 hv4 on swp2   blue/db (pg-2)
 *   leaf3 (AS 65102, 10.255.0.5): hv3 on swp1   blue/nodes (k8s-3), green/apps (batch-2)
 *   border1 (AS 65103, 10.255.0.6): no hosts, serves no VPC
 */

const MTU = 9216;
const VM_MTU = MTU - 50;

interface SwitchRow {
  readonly name: string;
  readonly role: SwitchRole;
  readonly id: number;
  readonly asn: number;
  readonly loopback: string;
}

const SPINES: readonly SwitchRow[] = [
  { name: 'spine1', role: 'spine', id: 1, asn: 65000, loopback: '10.255.0.1' },
  { name: 'spine2', role: 'spine', id: 2, asn: 65000, loopback: '10.255.0.2' },
];
const LOWER: readonly SwitchRow[] = [
  { name: 'leaf1', role: 'leaf', id: 1, asn: 65100, loopback: '10.255.0.3' },
  { name: 'leaf2', role: 'leaf', id: 2, asn: 65101, loopback: '10.255.0.4' },
  { name: 'leaf3', role: 'leaf', id: 3, asn: 65102, loopback: '10.255.0.5' },
  { name: 'border1', role: 'border', id: 4, asn: 65103, loopback: '10.255.0.6' },
];
const HOSTS = [
  { name: 'hv1', leaf: 'leaf1', port: 1, address: '10.255.0.7' },
  { name: 'hv2', leaf: 'leaf2', port: 1, address: '10.255.0.8' },
  { name: 'hv3', leaf: 'leaf3', port: 1, address: '10.255.0.9' },
  { name: 'hv4', leaf: 'leaf2', port: 2, address: '10.255.0.10' },
] as const;

function port(n: number, peer: SwitchRow, peerPort: number): FabricInterfaceIR {
  return { name: `swp${n}`, port: n, peer: peer.name, peerInterface: `swp${peerPort}`, peerAsn: peer.asn, peerRole: peer.role, mtu: MTU };
}

function switchOf(row: SwitchRow, interfaces: FabricInterfaceIR[]): SwitchIR {
  const hostPorts = HOSTS.filter((h) => h.leaf === row.name).map((h) => ({ name: `swp${h.port}`, port: h.port, host: h.name }));
  return { ...row, radix: 8, interfaces: interfaces.sort((a, b) => a.port - b.port), hostPorts, origin: ['fabric'] };
}

const switches: SwitchIR[] = [
  ...SPINES.map((spine, k) => switchOf(spine, LOWER.map((lower, i) => port(i + 1, lower, 8 - k)))),
  ...LOWER.map((lower, i) => switchOf(lower, SPINES.map((spine, k) => port(8 - k, spine, i + 1)))),
];

const hosts: HostIR[] = HOSTS.map((h) => ({
  name: h.name,
  leaf: h.leaf,
  leafPort: h.port,
  leafInterface: `swp${h.port}`,
  uplink: 'eth0',
  address: h.address,
  origin: ['fabric', 'hosts'],
}));

export const overlayFabric: FabricIR = {
  tiers: 2,
  radix: 8,
  mtu: MTU,
  loopbackPool: '10.255.0.0/16',
  linkMode: 'unnumbered',
  vtep: 'leaf',
  switches: switches.sort((a, b) => (a.name < b.name ? -1 : 1)),
  links: SPINES.flatMap((spine, k) =>
    LOWER.map((lower, i) => ({ a: { switch: spine.name, interface: `swp${i + 1}` }, b: { switch: lower.name, interface: `swp${8 - k}` } })),
  ),
  hosts,
};

function subnet(vpc: string, name: string, third: number, vni: number, vlan: number, leaves: string[]): SubnetIR {
  return {
    name,
    vpc,
    cidr: `10.${vpc === 'blue' ? 1 : 2}.${third}.0/24`,
    prefixLength: 24,
    vni,
    vlan,
    gateway: `10.${vpc === 'blue' ? 1 : 2}.${third}.1`,
    gatewayMac: `02:74:68:00:${(vni >> 8).toString(16)}:${(vni & 255).toString(16).padStart(2, '0')}`,
    // Counting down from the last usable address in leaf order, as allocate-leaf-gateways.ts does on a fresh lock.
    leafAddresses: leaves.map((leaf, i) => ({ leaf, address: `10.${vpc === 'blue' ? 1 : 2}.${third}.${254 - i}` })),
    bridge: `br${vni}`,
    vxlan: `vxlan${vni}`,
    leaves,
    origin: ['vpcs', vpc, 'subnets', name],
  };
}

const routerMac = (leaf: string): { leaf: string; mac: string } => {
  const loopback = LOWER.find((s) => s.name === leaf)?.loopback ?? '0.0.0.0';
  const last = Number(loopback.split('.')[3]);
  return { leaf, mac: `02:72:0a:ff:00:${last.toString(16).padStart(2, '0')}` };
};

const blue: VpcIR = {
  name: 'blue',
  id: 1,
  cidr: '10.1.0.0/16',
  l3Vni: 50001,
  vrf: 'blue',
  vrfTable: 50001,
  l3Bridge: 'br50001',
  l3Vxlan: 'vxlan50001',
  routerMacs: ['leaf1', 'leaf2', 'leaf3'].map(routerMac),
  routeTargetExport: '65000:50001',
  routeTargetImports: ['65000:50001', '65000:50002'],
  peers: ['green'],
  subnets: [subnet('blue', 'db', 2, 10102, 3, ['leaf2']), subnet('blue', 'nodes', 1, 10101, 2, ['leaf1', 'leaf2', 'leaf3'])],
  leaves: ['leaf1', 'leaf2', 'leaf3'],
  securityGroups: [],
  origin: ['vpcs', 0],
};

const green: VpcIR = {
  ...blue,
  name: 'green',
  id: 2,
  cidr: '10.2.0.0/16',
  l3Vni: 50002,
  vrf: 'green',
  vrfTable: 50002,
  l3Bridge: 'br50002',
  l3Vxlan: 'vxlan50002',
  routerMacs: ['leaf1', 'leaf3'].map(routerMac),
  routeTargetExport: '65000:50002',
  routeTargetImports: ['65000:50001', '65000:50002'],
  peers: ['blue'],
  subnets: [subnet('green', 'apps', 1, 10201, 4, ['leaf1', 'leaf3'])],
  leaves: ['leaf1', 'leaf3'],
  origin: ['vpcs', 1],
};

function vm(name: string, vpc: string, subnetName: string, host: string, ip: string, hostPort: string): VmIR {
  const leaf = HOSTS.find((h) => h.name === host)?.leaf ?? '';
  return {
    name,
    vpc,
    subnet: subnetName,
    host,
    leaf,
    ip,
    prefixLength: 24,
    gateway: ip.replace(/\.\d+$/, '.1'),
    mac: `02:0${vpc === 'blue' ? 1 : 2}:${ip.split('.').map((o) => Number(o).toString(16).padStart(2, '0')).join(':')}`,
    mtu: VM_MTU,
    hostPort,
    interface: 'eth0',
    securityGroups: [],
    origin: ['vpcs', vpc, 'vms', name],
  };
}

export const overlay: OverlayIR = {
  vpcs: [blue, green],
  vms: [
    vm('batch-1', 'green', 'apps', 'hv1', '10.2.1.2', 'vmport1'),
    vm('batch-2', 'green', 'apps', 'hv3', '10.2.1.3', 'vmport1'),
    vm('k8s-1', 'blue', 'nodes', 'hv1', '10.1.1.2', 'vmport0'),
    vm('k8s-2', 'blue', 'nodes', 'hv2', '10.1.1.3', 'vmport0'),
    vm('k8s-3', 'blue', 'nodes', 'hv3', '10.1.1.4', 'vmport0'),
    vm('pg-1', 'blue', 'db', 'hv2', '10.1.2.10', 'vmport1'),
    vm('pg-2', 'blue', 'db', 'hv4', '10.1.2.11', 'vmport0'),
  ],
};

export const overlayTopology: TopologyIR = { name: 'overlay-fixture', fabric: overlayFabric, overlay, clusters: [], firewalls: [] };

/** The same topology with its lists reversed: outputs must not depend on input order. */
export function reversedOverlayTopology(): TopologyIR {
  return {
    ...overlayTopology,
    fabric: {
      ...overlayFabric,
      switches: [...overlayFabric.switches].reverse().map((s) => ({ ...s, interfaces: [...s.interfaces].reverse(), hostPorts: [...s.hostPorts].reverse() })),
      hosts: [...overlayFabric.hosts].reverse(),
    },
    overlay: {
      vpcs: [...overlay.vpcs].reverse().map((v) => ({
        ...v,
        subnets: [...v.subnets].reverse(),
        routeTargetImports: [...v.routeTargetImports].reverse(),
      })),
      vms: [...overlay.vms].reverse(),
    },
  };
}

/** Looks a switch up by name; throws so tests fail loudly on a typo. */
export function overlaySwitch(name: string): SwitchIR {
  const sw = overlayFabric.switches.find((s) => s.name === name);
  if (!sw) throw new Error(`overlay fixture has no switch ${name}`);
  return sw;
}

/**
 * Every example in examples/, compiled with its lock file as the CLI would (manifests read from disk).
 * The compiler is imported lazily, so tests of the hand-made fixture do not depend on the whole pipeline.
 */
export async function compiledExamples(): Promise<{ readonly name: string; readonly ir: TopologyIR; readonly secrets: EmitSecrets }[]> {
  const { buildTopology } = await import('../../src/compile/pipeline.js');
  const { fileSystemHost } = await import('../../src/cli/file-system-host.js');
  const { resolveBgpPassword } = await import('../../src/compile/resolve-bgp-password.js');
  const dir = new URL('../../examples/', import.meta.url).pathname;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && !f.endsWith('.lock.yaml'))
    .sort()
    .map((file) => {
      const path = join(dir, file);
      const lockPath = path.replace(/\.yaml$/, '.lock.yaml');
      const lock = existsSync(lockPath) ? { file: lockPath, text: readFileSync(lockPath, 'utf8') } : undefined;
      const host = fileSystemHost(path);
      const result = buildTopology({ spec: { file: path, text: readFileSync(path, 'utf8') }, lock, host });
      const errors = [...result.diagnostics.filter((d) => d.severity === 'error')];
      // What compile reads besides the IR (the example's demo BGP password), for tests that call an emitter directly.
      const secrets = result.ir && result.source ? resolveBgpPassword(result.ir.fabric, host, result.source.spans, (d) => errors.push(d)) : {};
      if (!result.ir || errors.length > 0) throw new Error(`example ${file} does not compile: ${errors.map((d) => d.message).join('; ')}`);
      return { name: file.replace(/\.yaml$/, ''), ir: result.ir, secrets };
    });
}
