// Which addresses can ever appear in the outermost header at each filter placement: the table behind "a filter sees only the outer header".
import type { TopologyIR } from '../ir/topology-ir.js';
import type { PlacementKind } from '../ir/firewall-ir.js';
import { type AddressRange, rangeOfCidr } from './paths/address-range.js';

export interface PlacementView {
  /** What the placement sees, in words, for messages. */
  readonly sees: string;
  /** Ranges that never appear there (only ever inside a tunnel, or rewritten before it). */
  readonly hidden: readonly { readonly range: AddressRange; readonly what: string }[];
  /** When set, only these ranges appear there at all. */
  readonly only?: readonly AddressRange[];
}

function ranges(cidrs: readonly (string | undefined)[]): AddressRange[] {
  return cidrs.map((c) => (c ? rangeOfCidr(c) : undefined)).filter((r): r is AddressRange => r !== undefined);
}

export function placementView(ir: TopologyIR, kind: PlacementKind): PlacementView {
  const podRanges = ir.clusters.flatMap((c) => [
    ...ranges([c.podCidr]).map((range) => ({ range, what: `the pod CIDR of cluster ${c.name} (pod traffic is flannel-encapsulated or masqueraded before it leaves a node)` })),
    ...ranges([c.serviceCidr]).map((range) => ({ range, what: `the service CIDR of cluster ${c.name} (service addresses are translated inside the nodes)` })),
  ]);
  if (kind === 'spines' || kind === 'superSpines') {
    const underlay = ranges([ir.fabric?.loopbackPool, ir.fabric?.linkPool]);
    const tenant = ir.overlay.vpcs.flatMap((v) => ranges([v.cidr]).map((range) => ({ range, what: `VPC ${v.name} (tenant traffic crosses the fabric inside VPC VXLAN between leaf loopbacks)` })));
    return { sees: 'only underlay headers: VXLAN between leaf loopbacks (UDP 4789) and traffic between switches and hypervisors', hidden: [...tenant, ...podRanges], only: underlay };
  }
  return { sees: 'VPC headers: VM and node addresses and external addresses, never pod or service addresses', hidden: podRanges };
}

export function overlaps(a: AddressRange, b: AddressRange): boolean {
  return a.first <= b.last && b.first <= a.last;
}
