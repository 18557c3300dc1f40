// Collects what every address reference resolves to, from the spec and the allocations.
import type { Spec } from '../spec/spec-types.js';
import type { FabricIR } from '../ir/fabric-ir.js';
import type { AddressBook } from './address-resolver.js';
import type { OverlayAllocation } from './allocate/allocate-overlay.js';
import { formatAddress } from '../ir/ipv4.js';
import { clusterDefaults } from './allocate/cluster-defaults.js';

export function addressBook(spec: Spec, fabric: FabricIR | undefined, overlay: OverlayAllocation): AddressBook {
  const vpcs = spec.vpcs ?? [];
  return {
    loopbacks: spec.fabric?.loopbacks,
    vpcs: new Map(vpcs.map((v) => [v.name, v.cidr])),
    subnets: new Map(vpcs.flatMap((v) => v.subnets.map((s) => [`${v.name}/${s.name}`, s.cidr] as const))),
    vms: new Map([...overlay.vmAddress].map(([name, a]) => [name, formatAddress(a)])),
    hosts: new Map((fabric?.hosts ?? []).map((h) => [h.name, h.address])),
    podCidrs: new Map((spec.clusters ?? []).map((c) => [c.name, clusterDefaults(c).podCidr])),
    serviceCidrs: new Map((spec.clusters ?? []).map((c) => [c.name, clusterDefaults(c).serviceCidr])),
  };
}
