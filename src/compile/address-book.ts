// Collects what every address reference resolves to, from the spec and the allocations.
import type { Spec } from '../spec/spec-types.js';
import type { FabricIR } from '../ir/fabric-ir.js';
import type { AddressBook } from './address-resolver.js';
import type { OverlayAllocation } from './allocate/allocate-overlay.js';
import { formatAddress } from '../ir/ipv4.js';
import { clusterDefaults } from './allocate/cluster-defaults.js';
import { symmetricPeerings } from './build-overlay-ir.js';
import { naturalCompare } from '../ir/natural-order.js';

export function addressBook(spec: Spec, fabric: FabricIR | undefined, overlay: OverlayAllocation): AddressBook {
  const vpcs = spec.vpcs ?? [];
  const peers = symmetricPeerings(spec);
  return {
    loopbacks: spec.fabric?.loopbacks,
    vpcs: new Map(vpcs.map((v) => [v.name, v.cidr])),
    subnets: new Map(vpcs.flatMap((v) => v.subnets.map((s) => [`${v.name}/${s.name}`, s.cidr] as const))),
    vms: new Map([...overlay.vmAddress].map(([name, a]) => [name, formatAddress(a)])),
    hosts: new Map((fabric?.hosts ?? []).map((h) => [h.name, h.address])),
    podCidrs: new Map((spec.clusters ?? []).map((c) => [c.name, clusterDefaults(c).podCidr])),
    serviceCidrs: new Map((spec.clusters ?? []).map((c) => [c.name, clusterDefaults(c).serviceCidr])),
    vmVpc: new Map(vpcs.flatMap((v) => (v.vms ?? []).map((vm) => [vm.name, v.name] as const))),
    clusterVpc: new Map((spec.clusters ?? []).flatMap((c) => (c.vpc === undefined ? [] : [[c.name, c.vpc] as const]))),
    vpcReach: new Map(vpcs.map((v) => [v.name, [v.name, ...(peers.get(v.name) ?? [])].sort(naturalCompare)])),
  };
}
