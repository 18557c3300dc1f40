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

/** Placements on the VPC path between two nodes, where host-gw pod traffic keeps its pod addresses outermost. */
const HOST_GW_VISIBLE: ReadonlySet<PlacementKind> = new Set(['vm', 'host', 'leaf']);

export function placementView(ir: TopologyIR, kind: PlacementKind): PlacementView {
  const podRanges = ir.clusters.flatMap((c) => [
    // host-gw routes pod to pod unencapsulated between nodes, so VM, hypervisor and leaf filters see pod addresses;
    // vxlan and wireguard wrap it in a header between node addresses, and traffic leaving podCidr is masqueraded.
    ...(c.cni.backend === 'host-gw' && HOST_GW_VISIBLE.has(kind)
      ? []
      : ranges([c.podCidr]).map((range) => ({ range, what: `the pod CIDR of cluster ${c.name} (${podTrafficText(c.cni.backend)})` }))),
    ...ranges([c.serviceCidr]).map((range) => ({ range, what: `the service CIDR of cluster ${c.name} (service addresses are translated inside the nodes)` })),
  ]);
  if (kind === 'spines' || kind === 'superSpines') {
    const underlay = ranges([ir.fabric?.loopbackPool, ir.fabric?.linkPool]);
    const tenant = ir.overlay.vpcs.flatMap((v) => ranges([v.cidr]).map((range) => ({ range, what: `VPC ${v.name} (tenant traffic crosses the fabric inside VPC VXLAN between leaf loopbacks)` })));
    return { sees: 'only underlay headers: VXLAN between leaf loopbacks (UDP 4789) and traffic between switches and hypervisors', hidden: [...tenant, ...podRanges], only: underlay };
  }
  const hostGw = HOST_GW_VISIBLE.has(kind) && ir.clusters.some((c) => c.cni.backend === 'host-gw');
  const sees = hostGw ? "VPC headers: VM, node and external addresses and host-gw clusters' pod addresses, never service addresses" : 'VPC headers: VM and node addresses and external addresses, never pod or service addresses';
  return { sees, hidden: podRanges };
}

function podTrafficText(backend: TopologyIR['clusters'][number]['cni']['backend']): string {
  if (backend === 'host-gw') return 'host-gw pod traffic crosses the fabric inside VPC VXLAN and is masqueraded before it leaves the pod network';
  return `pod traffic is ${backend === 'wireguard' ? 'WireGuard-encrypted' : 'flannel-encapsulated'} between nodes or masqueraded before it leaves a node`;
}

export function overlaps(a: AddressRange, b: AddressRange): boolean {
  return a.first <= b.last && b.first <= a.last;
}
