// Builds the tenant overlay IR: VPCs as VRFs with L3 VNIs and route targets, subnets as L2 VNIs on serving leaves, VMs.
import { VXLAN_OVERHEAD } from '../ir/encapsulation.js';
import { vmPortName } from '../ir/vm-port-name.js';
import type { Spec, SecurityRuleSpec } from '../spec/spec-types.js';
import type { FabricIR } from '../ir/fabric-ir.js';
import type { OverlayIR, SecurityGroupIR, SecurityRuleIR, SubnetIR, VmIR, VpcIR } from '../ir/overlay-ir.js';
import type { DataPath } from '../source/data-path.js';
import type { OverlayAllocation } from './allocate/allocate-overlay.js';
import { leafGatewayKey } from './allocate/allocate-leaf-gateways.js';
import { type AddressBook, resolveAddress } from './address-resolver.js';
import { formatAddress, parseAddress, parsePrefix } from '../ir/ipv4.js';
import { gatewayMac, routerMac, vmMac } from '../ir/mac.js';
import { vrfTableOf } from '../ir/vpc-numbers.js';
import { parsePortRanges } from '../ir/port-ranges.js';
import { byName, naturalCompare } from '../ir/natural-order.js';
import { DEFAULT_FABRIC_MTU } from './allocate/fabric-defaults.js';

/** The 2-byte ASN field of every tenant route target; route targets are labels, not routing ASNs. */
export const ROUTE_TARGET_ASN = 65000;

export function routeTarget(l3Vni: number): string {
  return `${ROUTE_TARGET_ASN}:${l3Vni}`;
}

/** `leafGateway`: each serving leaf's own SVI address, keyed `vpc/subnet/leaf` (allocate-leaf-gateways.ts). */
export function buildOverlayIR(
  spec: Spec,
  fabric: FabricIR | undefined,
  alloc: OverlayAllocation,
  book: AddressBook,
  leafGateway: ReadonlyMap<string, number> = new Map(),
): OverlayIR {
  const hostLeaf = new Map((fabric?.hosts ?? []).map((h) => [h.name, h.leaf]));
  const loopbackOf = new Map((fabric?.switches ?? []).map((s) => [s.name, s.loopback]));
  const vmMtuDefault = (fabric?.mtu ?? DEFAULT_FABRIC_MTU) - VXLAN_OVERHEAD;
  const peersOf = symmetricPeerings(spec);
  const borderLeaves = (fabric?.switches ?? []).filter((sw) => sw.role === 'border').map((sw) => sw.name);
  // Leaves with a VM of each VPC. A peered VPC's VRF is instantiated there too: EVPN forwards a leaked route over
  // the importing VRF's L3 VNI, so the far leaf must have that VRF to decapsulate it (and leaks it locally).
  const vmLeaves = new Map<string, Set<string>>();
  for (const vpc of spec.vpcs ?? []) {
    vmLeaves.set(vpc.name, new Set((vpc.vms ?? []).map((vm) => hostLeaf.get(vm.host) ?? '').filter(Boolean)));
  }
  const vms: VmIR[] = [];
  const vpcs: VpcIR[] = (spec.vpcs ?? []).map((vpc, v) => {
    const id = alloc.vpcId.get(vpc.name) ?? 0;
    const subnetLeaves = new Map<string, Set<string>>();
    // Parsed once per subnet: a large VPC has thousands of VMs in a handful of subnets.
    const prefixOf = new Map(vpc.subnets.map((s) => [s.name, parsePrefix(s.cidr)]));
    (vpc.vms ?? []).forEach((vm, i) => {
      const leaf = hostLeaf.get(vm.host) ?? '';
      const prefix = prefixOf.get(vm.subnet);
      const address = alloc.vmAddress.get(vm.name) ?? 0;
      if (!subnetLeaves.has(vm.subnet)) subnetLeaves.set(vm.subnet, new Set());
      subnetLeaves.get(vm.subnet)?.add(leaf);
      vms.push({
        name: vm.name,
        vpc: vpc.name,
        subnet: vm.subnet,
        host: vm.host,
        leaf,
        ip: formatAddress(address),
        prefixLength: prefix?.length ?? 32,
        gateway: prefix ? formatAddress(prefix.base + 1) : '',
        mac: vmMac(id, address),
        mtu: vm.mtu ?? vmMtuDefault,
        hostPort: vmPortName(alloc.vmPort.get(vm.name) ?? 0),
        interface: 'eth0',
        securityGroups: [...(vm.securityGroups ?? [])].sort(naturalCompare),
        origin: ['vpcs', v, 'vms', i],
      });
    });
    const subnets: SubnetIR[] = vpc.subnets.map((s, i) => {
      const prefix = parsePrefix(s.cidr);
      return {
        name: s.name,
        vpc: vpc.name,
        cidr: s.cidr,
        prefixLength: prefix?.length ?? 0,
        vni: s.vni,
        vlan: alloc.vlan.get(`${vpc.name}/${s.name}`) ?? 0,
        gateway: prefix ? formatAddress(prefix.base + 1) : '',
        gatewayMac: gatewayMac(s.vni),
        leafAddresses: leafAddressesOf(leafGateway, vpc.name, s.name, subnetLeaves.get(s.name)),
        bridge: `br${s.vni}`,
        vxlan: `vxlan${s.vni}`,
        leaves: [...(subnetLeaves.get(s.name) ?? [])].filter(Boolean).sort(naturalCompare),
        origin: ['vpcs', v, 'subnets', i],
      };
    });
    const peers = [...(peersOf.get(vpc.name) ?? [])].sort(naturalCompare);
    // Border leaves terminate every VPC's VRF (its L3 VNI, no subnets): north-south traffic enters and leaves there.
    const leaves = [...new Set([...subnets.flatMap((s) => s.leaves), ...borderLeaves, ...peers.flatMap((p) => [...(vmLeaves.get(p) ?? [])])])].sort(
      naturalCompare,
    );
    const peerVnis = peers.map((p) => spec.vpcs?.find((o) => o.name === p)?.vni ?? 0);
    return {
      name: vpc.name,
      id,
      cidr: vpc.cidr,
      l3Vni: vpc.vni,
      vrf: vpc.name,
      vrfTable: vrfTableOf(id),
      l3Bridge: `br${vpc.vni}`,
      l3Vxlan: `vxlan${vpc.vni}`,
      routerMacs: leaves.map((leaf) => ({ leaf, mac: routerMac(parseAddress(loopbackOf.get(leaf) ?? '0.0.0.0') ?? 0) })),
      routeTargetExport: routeTarget(vpc.vni),
      routeTargetImports: [vpc.vni, ...peerVnis].sort((a, b) => a - b).map(routeTarget),
      peers,
      subnets: subnets.sort(byName),
      leaves,
      securityGroups: (vpc.securityGroups ?? [])
        .map((g, gi): SecurityGroupIR => {
          const base: DataPath = ['vpcs', v, 'securityGroups', gi];
          const rules = (list: readonly SecurityRuleSpec[], dir: 'ingress' | 'egress'): SecurityRuleIR[] =>
            list.map((r, ri) => ({
              peer: resolveAddress((dir === 'ingress' ? r.from : r.to) ?? 'any', book),
              proto: r.proto ?? 'any',
              ports: parsePortRanges(r.ports),
              origin: [...base, dir, ri],
            }));
          return {
            name: g.name,
            vpc: vpc.name,
            ingress: rules(g.ingress ?? [], 'ingress'),
            egress: g.egress === undefined ? undefined : rules(g.egress, 'egress'),
            origin: base,
          };
        })
        .sort(byName),
      origin: ['vpcs', v],
    };
  });
  return { vpcs: vpcs.sort(byName), vms: vms.sort(byName) };
}

/** Peerings are symmetric: `blue` peering with `green` lets both reach each other, as cloud VPC peering does. */
export function symmetricPeerings(spec: Spec): Map<string, Set<string>> {
  const peers = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    if (!peers.has(a)) peers.set(a, new Set());
    peers.get(a)?.add(b);
  };
  for (const vpc of spec.vpcs ?? []) {
    for (const p of vpc.peerings ?? []) {
      if (p.vpc === vpc.name) continue;
      link(vpc.name, p.vpc);
      link(p.vpc, vpc.name);
    }
  }
  return peers;
}

function leafAddressesOf(leafGateway: ReadonlyMap<string, number>, vpc: string, subnet: string, leaves: ReadonlySet<string> | undefined): SubnetIR['leafAddresses'] {
  return [...(leaves ?? [])]
    .sort(naturalCompare)
    .flatMap((leaf) => {
      const address = leafGateway.get(leafGatewayKey(vpc, subnet, leaf));
      return address === undefined ? [] : [{ leaf, address: formatAddress(address) }];
    });
}
