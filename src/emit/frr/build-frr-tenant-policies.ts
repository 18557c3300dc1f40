// Decides the prefix-lists and route-maps that keep VPC peerings non-transitive on a VTEP: each VRF sends only its
// own prefixes as type-5 routes and leaks in, from each peered VRF on the same switch, only that peer's own prefixes.
import type { OverlayIR, VpcIR } from '../../ir/overlay-ir.js';
import type { FrrPrefixListEntryView, FrrRouteMapEntryView } from './frr-config-view.js';
import { naturalCompare } from '../../ir/natural-order.js';

export interface FrrTenantPolicies {
  readonly prefixLists: readonly FrrPrefixListEntryView[];
  readonly routeMaps: readonly FrrRouteMapEntryView[];
}

/** Every prefix inside a VPC's CIDR, whatever its length: its subnets, and host routes of its VMs. */
export const ownPrefixList = (vpc: string): string => `VPC-${vpc}`;
/** `advertise ipv4 unicast route-map`: what this VRF sends into EVPN as type-5 routes. */
export const evpnExportMap = (vrf: string): string => `EVPN-OUT-${vrf}`;
/** `import vrf route-map`: what this VRF accepts from the VRFs it imports on the same switch. */
export const leakImportMap = (vrf: string): string => `LEAK-IN-${vrf}`;

/**
 * FRR exports to EVPN every selected route of a VRF's unicast table but those it imported from EVPN itself: routes
 * leaked in with `import vrf` are re-advertised as type-5 routes under the importing VRF's own route target, and a
 * VRF's EVPN-imported routes (a peer's peer's subnets, a border's default) leak on through `import vrf`. Either way
 * A-B and B-C would give A-C. Limiting both directions to a VPC's own CIDR makes every peering one hop, as declared;
 * peered CIDRs never overlap (`peered-cidr-overlap`), so a peer's own range cannot hold a third VPC's routes, and
 * matching the source VRF as well keeps a third VPC that overlaps another peer out.
 */
export function buildFrrTenantPolicies(served: readonly VpcIR[], overlay: OverlayIR, localPeers: (vpc: VpcIR) => readonly string[]): FrrTenantPolicies {
  const cidrOf = new Map(overlay.vpcs.map((v) => [v.name, v.cidr]));
  const listed = new Set<string>();
  const routeMaps: FrrRouteMapEntryView[] = [];
  for (const vpc of served) {
    listed.add(vpc.name);
    routeMaps.push({
      name: evpnExportMap(vpc.vrf),
      action: 'permit',
      seq: 10,
      description: `type-5 routes of VPC ${vpc.name}'s own prefixes only, never those leaked from a peer`,
      matchSourceVrf: null,
      matchPrefixList: ownPrefixList(vpc.name),
    });
    [...localPeers(vpc)].sort(naturalCompare).forEach((peer, i) => {
      listed.add(peer);
      routeMaps.push({
        name: leakImportMap(vpc.vrf),
        action: 'permit',
        seq: 10 * (i + 1),
        description: `from VRF ${peer} only VPC ${peer}'s own prefixes, not what it learned from its peers`,
        matchSourceVrf: peer,
        matchPrefixList: ownPrefixList(peer),
      });
    });
  }
  const prefixLists = [...listed].sort(naturalCompare).map(
    (name): FrrPrefixListEntryView => ({ name: ownPrefixList(name), seq: 10, action: 'permit', prefix: cidrOf.get(name) ?? '', ge: null, le: 32 }),
  );
  routeMaps.sort((a, b) => naturalCompare(a.name, b.name) || a.seq - b.seq);
  return { prefixLists, routeMaps };
}
