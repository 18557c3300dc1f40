// Hand-built FabricIRs for emitter tests, following the lead's port, ASN and /31 conventions, independent of the allocator.
import type { FabricInterfaceIR, FabricIR, HostIR, HostPortIR, LinkIR, SwitchIR, SwitchRole } from '../../src/ir/fabric-ir.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';



interface SwitchRow {
  readonly name: string;
  readonly role: SwitchRole;
  readonly pod?: string;
  readonly id: number;
  readonly asn: number;
  readonly loopback: string;
  readonly rack?: string;
}

/** One cable, `upper` being the higher tier; `subnet` (numbered links) gives upper the even address. */
interface LinkRow {
  readonly upper: string;
  readonly upperPort: number;
  readonly lower: string;
  readonly lowerPort: number;
  readonly subnet?: string;
}

interface HostRow {
  readonly name: string;
  readonly leaf: string;
  readonly port: number;
}

/**
 * Two tiers, unnumbered, radix 12: spine1-2 (AS 65000), leaf1, leaf2 and border leaf border1.
 * Leaf uplink to spine k is swp{13-k}; spine downlink to leaf i is swp{i}; hosts hv1, hv2 on swp1.
 */
export const twoTierUnnumbered: FabricIR = fabricOf(
  { tiers: 2, radix: 12, linkMode: 'unnumbered' },
  [
    { name: 'spine1', role: 'spine', id: 1, asn: 65000, loopback: '10.255.0.1' },
    { name: 'spine2', role: 'spine', id: 2, asn: 65000, loopback: '10.255.0.2' },
    { name: 'leaf1', role: 'leaf', id: 1, asn: 65101, loopback: '10.255.1.1', rack: 'r1' },
    { name: 'leaf2', role: 'leaf', id: 2, asn: 65102, loopback: '10.255.1.2', rack: 'r2' },
    { name: 'border1', role: 'border', id: 3, asn: 65103, loopback: '10.255.1.3' },
  ],
  [
    { upper: 'spine1', upperPort: 1, lower: 'leaf1', lowerPort: 12 },
    { upper: 'spine1', upperPort: 2, lower: 'leaf2', lowerPort: 12 },
    { upper: 'spine1', upperPort: 3, lower: 'border1', lowerPort: 12 },
    { upper: 'spine2', upperPort: 1, lower: 'leaf1', lowerPort: 11 },
    { upper: 'spine2', upperPort: 2, lower: 'leaf2', lowerPort: 11 },
    { upper: 'spine2', upperPort: 3, lower: 'border1', lowerPort: 11 },
  ],
  [
    { name: 'hv1', leaf: 'leaf1', port: 1 },
    { name: 'hv2', leaf: 'leaf2', port: 1 },
  ],
);

/**
 * Three tiers, numbered /31s from 10.0.0.0/24, radix 8: superspine1-2 (AS 64900); pods pod1 (spines
 * AS 65000) and pod2 (AS 65001), each with two spines and two leaves. A super-spine's port to a spine
 * is the spine's slot (pod1-spine1..pod2-spine2 = 1..4); spine uplink to super-spine m is swp{9-m}.
 */
export const threeTierNumbered: FabricIR = fabricOf(
  { tiers: 3, radix: 8, linkMode: 'numbered', linkPool: '10.0.0.0/24' },
  [
    { name: 'superspine1', role: 'super-spine', id: 1, asn: 64900, loopback: '10.255.0.1' },
    { name: 'superspine2', role: 'super-spine', id: 2, asn: 64900, loopback: '10.255.0.2' },
    { name: 'pod1-spine1', role: 'spine', pod: 'pod1', id: 1, asn: 65000, loopback: '10.255.1.1' },
    { name: 'pod1-spine2', role: 'spine', pod: 'pod1', id: 2, asn: 65000, loopback: '10.255.1.2' },
    { name: 'pod1-leaf1', role: 'leaf', pod: 'pod1', id: 1, asn: 65100, loopback: '10.255.2.1' },
    { name: 'pod1-leaf2', role: 'leaf', pod: 'pod1', id: 2, asn: 65101, loopback: '10.255.2.2' },
    { name: 'pod2-spine1', role: 'spine', pod: 'pod2', id: 1, asn: 65001, loopback: '10.255.1.3' },
    { name: 'pod2-spine2', role: 'spine', pod: 'pod2', id: 2, asn: 65001, loopback: '10.255.1.4' },
    { name: 'pod2-leaf1', role: 'leaf', pod: 'pod2', id: 1, asn: 65102, loopback: '10.255.2.3' },
    { name: 'pod2-leaf2', role: 'border', pod: 'pod2', id: 2, asn: 65103, loopback: '10.255.2.4' },
  ],
  [
    { upper: 'superspine1', upperPort: 1, lower: 'pod1-spine1', lowerPort: 8, subnet: '10.0.0.0/31' },
    { upper: 'superspine1', upperPort: 2, lower: 'pod1-spine2', lowerPort: 8, subnet: '10.0.0.2/31' },
    { upper: 'superspine1', upperPort: 3, lower: 'pod2-spine1', lowerPort: 8, subnet: '10.0.0.4/31' },
    { upper: 'superspine1', upperPort: 4, lower: 'pod2-spine2', lowerPort: 8, subnet: '10.0.0.6/31' },
    { upper: 'superspine2', upperPort: 1, lower: 'pod1-spine1', lowerPort: 7, subnet: '10.0.0.8/31' },
    { upper: 'superspine2', upperPort: 2, lower: 'pod1-spine2', lowerPort: 7, subnet: '10.0.0.10/31' },
    { upper: 'superspine2', upperPort: 3, lower: 'pod2-spine1', lowerPort: 7, subnet: '10.0.0.12/31' },
    { upper: 'superspine2', upperPort: 4, lower: 'pod2-spine2', lowerPort: 7, subnet: '10.0.0.14/31' },
    { upper: 'pod1-spine1', upperPort: 1, lower: 'pod1-leaf1', lowerPort: 8, subnet: '10.0.0.16/31' },
    { upper: 'pod1-spine1', upperPort: 2, lower: 'pod1-leaf2', lowerPort: 8, subnet: '10.0.0.18/31' },
    { upper: 'pod1-spine2', upperPort: 1, lower: 'pod1-leaf1', lowerPort: 7, subnet: '10.0.0.20/31' },
    { upper: 'pod1-spine2', upperPort: 2, lower: 'pod1-leaf2', lowerPort: 7, subnet: '10.0.0.22/31' },
    { upper: 'pod2-spine1', upperPort: 1, lower: 'pod2-leaf1', lowerPort: 8, subnet: '10.0.0.24/31' },
    { upper: 'pod2-spine1', upperPort: 2, lower: 'pod2-leaf2', lowerPort: 8, subnet: '10.0.0.26/31' },
    { upper: 'pod2-spine2', upperPort: 1, lower: 'pod2-leaf1', lowerPort: 7, subnet: '10.0.0.28/31' },
    { upper: 'pod2-spine2', upperPort: 2, lower: 'pod2-leaf2', lowerPort: 7, subnet: '10.0.0.30/31' },
  ],
  [],
);

export function topologyOf(fabric: FabricIR | undefined, name = 'fixture'): TopologyIR {
  const empty = { overlay: { vpcs: [], vms: [] }, clusters: [], firewalls: [] };
  return fabric ? { name, fabric, ...empty } : { name, ...empty };
}

/** Looks a switch up by name; throws so tests fail loudly on a typo. */
export function switchNamed(fabric: FabricIR, name: string): SwitchIR {
  const sw = fabric.switches.find((s) => s.name === name);
  if (!sw) throw new Error(`fixture has no switch ${name}`);
  return sw;
}

function fabricOf(
  shape: Pick<FabricIR, 'tiers' | 'radix' | 'linkMode'> & { linkPool?: string },
  switches: readonly SwitchRow[],
  links: readonly LinkRow[],
  hosts: readonly HostRow[],
): FabricIR {
  const mtu = 9216;
  const numbered = shape.linkMode === 'numbered';
  const row = (name: string): SwitchRow => {
    const found = switches.find((s) => s.name === name);
    if (!found) throw new Error(`fixture link names unknown switch ${name}`);
    return found;
  };
  const end = (port: number, peer: string, peerPort: number, address?: string, peerAddress?: string): FabricInterfaceIR => ({
    name: `swp${port}`,
    port,
    peer,
    peerInterface: `swp${peerPort}`,
    peerAsn: row(peer).asn,
    peerRole: row(peer).role,
    address: numbered ? `${address}/31` : undefined,
    peerAddress: numbered ? peerAddress : undefined,
    mtu,
  });
  const interfaces = new Map<string, FabricInterfaceIR[]>(switches.map((s) => [s.name, []]));
  for (const l of links) {
    const [upperAddress, lowerAddress] = l.subnet ? pointToPoint(l.subnet) : [undefined, undefined];
    interfaces.get(l.upper)?.push(end(l.upperPort, l.lower, l.lowerPort, upperAddress, lowerAddress));
    interfaces.get(l.lower)?.push(end(l.lowerPort, l.upper, l.upperPort, lowerAddress, upperAddress));
  }
  const hostPorts = (leaf: string): HostPortIR[] =>
    hosts.filter((h) => h.leaf === leaf).map((h) => ({ name: `swp${h.port}`, port: h.port, host: h.name }));
  const switchIRs: SwitchIR[] = switches.map((s) => ({
    ...s,
    radix: shape.radix,
    interfaces: (interfaces.get(s.name) ?? []).sort((a, b) => a.port - b.port),
    hostPorts: hostPorts(s.name).sort((a, b) => a.port - b.port),
    origin: ['fabric'],
  }));
  const linkIRs: LinkIR[] = links.map((l) => ({
    a: { switch: l.upper, interface: `swp${l.upperPort}` },
    b: { switch: l.lower, interface: `swp${l.lowerPort}` },
    subnet: l.subnet,
  }));
  const hostIRs: HostIR[] = hosts.map((h, i) => ({
    name: h.name,
    // Hypervisor addresses after the switches' loopbacks (10.255.1.x), as allocation gives them.
    address: `10.255.2.${i + 1}`,
    leaf: h.leaf,
    leafPort: h.port,
    leafInterface: `swp${h.port}`,
    uplink: 'eth0',
    origin: ['fabric'],
  }));
  return {
    tiers: shape.tiers,
    radix: shape.radix,
    mtu,
    loopbackPool: '10.255.0.0/16',
    linkMode: shape.linkMode,
    linkPool: shape.linkPool,
    vtep: 'leaf',
    switches: switchIRs.sort((a, b) => (a.name < b.name ? -1 : 1)),
    links: linkIRs,
    hosts: hostIRs,
  };
}

/** `a.b.c.d/31` → [a.b.c.d, a.b.c.(d+1)]. */
function pointToPoint(subnet: string): [string, string] {
  const base = subnet.split('/')[0] ?? '';
  const octets = base.split('.');
  const last = Number(octets.pop());
  return [base, [...octets, String(last + 1)].join('.')];
}
