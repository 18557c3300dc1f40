// Derives the fabric IR from the plan and its allocation: links, numbered interfaces, host ports.
import type { FabricBgpSpec, FabricSpec } from '../spec/spec-types.js';
import type { FabricBgpIR, FabricInterfaceIR, FabricIR, HostIR, HostPortIR, LinkIR, SwitchIR } from '../ir/fabric-ir.js';
import type { FabricPlan, SwitchDecl } from './fabric-plan.js';
import type { FabricAllocation } from './allocate/allocate-fabric.js';
import { fabricLinkPairs } from './allocate/allocate-fabric.js';
import { formatAddress } from '../ir/ipv4.js';
import { byName, naturalCompare } from '../ir/natural-order.js';
import { DEFAULT_FABRIC_MTU, DEFAULT_RADIX, HOST_UPLINK } from './allocate/fabric-defaults.js';

interface MutableSwitch {
  decl: SwitchDecl;
  interfaces: FabricInterfaceIR[];
  hostPorts: HostPortIR[];
}

/**
 * Port numbering (stable, documented in the README): a lower tier's uplink to the upper switch with
 * id k is `swp{radix+1-k}` (counting down from the top port); a downlink to a leaf with id i is `swp{i}`;
 * a super-spine's port to a spine is `swp{slot}`; host ports on leaves are `swp{port}` counting up.
 */
export function buildFabricIR(fabric: FabricSpec, plan: FabricPlan, alloc: FabricAllocation): FabricIR {
  const radix = fabric.radix ?? DEFAULT_RADIX;
  const mtu = fabric.mtu ?? DEFAULT_FABRIC_MTU;
  const numbered = fabric.links !== undefined && fabric.links !== 'unnumbered';
  const switchByName = new Map<string, MutableSwitch>();
  for (const decl of [...plan.superSpines, ...plan.pods.flatMap((p) => [...p.spines, ...p.leaves])]) {
    switchByName.set(decl.name, { decl, interfaces: [], hostPorts: [] });
  }
  const id = (d: SwitchDecl): number => alloc.switchId.get(d.name) ?? 0;
  const links: LinkIR[] = [];
  for (const [upper, lower] of fabricLinkPairs(plan)) {
    const upperPort = upper.role === 'super-spine' ? (alloc.slot.get(lower.name) ?? 0) : id(lower);
    const lowerPort = radix + 1 - id(upper);
    const upperIf = `swp${upperPort}`;
    const lowerIf = `swp${lowerPort}`;
    const subnet = alloc.linkSubnet.get(`${upper.name}/${lower.name}`);
    const upperAddress = subnet === undefined ? undefined : formatAddress(subnet);
    const lowerAddress = subnet === undefined ? undefined : formatAddress(subnet + 1);
    links.push({
      a: { switch: upper.name, interface: upperIf },
      b: { switch: lower.name, interface: lowerIf },
      subnet: subnet === undefined ? undefined : `${formatAddress(subnet)}/31`,
    });
    switchByName.get(upper.name)?.interfaces.push({
      name: upperIf,
      port: upperPort,
      peer: lower.name,
      peerInterface: lowerIf,
      peerAsn: alloc.asn.get(lower.name) ?? 0,
      peerRole: lower.role,
      address: numbered && upperAddress ? `${upperAddress}/31` : undefined,
      peerAddress: numbered ? lowerAddress : undefined,
      mtu,
    });
    switchByName.get(lower.name)?.interfaces.push({
      name: lowerIf,
      port: lowerPort,
      peer: upper.name,
      peerInterface: upperIf,
      peerAsn: alloc.asn.get(upper.name) ?? 0,
      peerRole: upper.role,
      address: numbered && lowerAddress ? `${lowerAddress}/31` : undefined,
      peerAddress: numbered ? upperAddress : undefined,
      mtu,
    });
  }
  const hosts: HostIR[] = [];
  for (const h of plan.hosts) {
    const port = alloc.hostPort.get(h.name) ?? 0;

    switchByName.get(h.leaf)?.hostPorts.push({ name: `swp${port}`, port, host: h.name });
    hosts.push({
      name: h.name,
      leaf: h.leaf,
      leafPort: port,
      leafInterface: `swp${port}`,
      uplink: HOST_UPLINK,
      address: formatAddress(alloc.hostLoopback.get(h.name) ?? 0),
      origin: h.path,
    });
  }
  const switches: SwitchIR[] = [...switchByName.values()].map(({ decl, interfaces, hostPorts }) => ({
    name: decl.name,
    role: decl.role,
    pod: decl.pod,
    id: id(decl),
    asn: alloc.asn.get(decl.name) ?? 0,
    loopback: formatAddress(alloc.loopback.get(decl.name) ?? 0),
    rack: decl.rack,
    radix,
    interfaces: interfaces.sort((a, b) => a.port - b.port),
    hostPorts: hostPorts.sort((a, b) => a.port - b.port),
    origin: decl.path,
  }));
  return {
    tiers: plan.tiers,
    radix,
    mtu,
    loopbackPool: fabric.loopbacks,
    linkMode: numbered ? 'numbered' : 'unnumbered',
    linkPool: numbered ? fabric.links : undefined,
    vtep: fabric.vtep ?? 'leaf',
    switches: switches.sort(byName),
    links: links.sort((x, y) => naturalCompare(x.a.switch, y.a.switch) || portOf(x.a.interface) - portOf(y.a.interface)),
    hosts: hosts.sort(byName),
    ...(fabric.bgp ? { bgp: fabricBgp(fabric.bgp) } : {}),
  };
}

function fabricBgp(bgp: FabricBgpSpec): FabricBgpIR {
  const bfd = bgp.bfd;
  const timers = typeof bfd === 'object' ? bfd : {};
  return {
    ...(bgp.password ? { password: 'env' in bgp.password ? { env: bgp.password.env } : { file: bgp.password.file } } : {}),
    ...(bgp.maximumPrefix?.ipv4 !== undefined ? { maximumPrefixIpv4: bgp.maximumPrefix.ipv4 } : {}),
    ...(bfd === true || typeof bfd === 'object'
      ? { bfd: { detectMultiplier: timers.detectMultiplier ?? null, receiveInterval: timers.receiveInterval ?? null, transmitInterval: timers.transmitInterval ?? null } }
      : {}),
    ttlSecurity: bgp.ttlSecurity === true,
  };
}


function portOf(name: string): number {
  return Number(name.slice(3));
}
