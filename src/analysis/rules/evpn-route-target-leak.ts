// Rule: a tenant VRF imports only its own and its peers' route targets, and no VPC joins two tenants that are not peered.
import type { AnalysisRule } from '../analysis-rule.js';
import { listSome } from '../finding-text.js';

export const evpnRouteTargetLeak: AnalysisRule = {
  code: 'evpn-route-target-leak',
  severity: 'warning',
  summary: 'A tenant VRF imports routes of a VPC it is not peered with, or bridges two VPCs that are not peered.',
  docs:
    'Tenant separation in the overlay is nothing but route targets and route leaking: every VTEP installs a type-5 ' +
    'route into each VRF whose import list names the route\'s target, and where two peered VPCs share a switch, ' +
    '`import vrf` copies one VRF\'s routes into the other. A VRF importing a target that is neither its own nor a ' +
    'declared peer\'s sees that tenant\'s subnets, whatever the spec says about peerings. Left to itself FRR would ' +
    'make peerings transitive: it advertises as type-5 routes everything selected in a VRF\'s table except what that ' +
    'VRF imported from EVPN, so routes leaked in with `import vrf` leave again under the importing VRF\'s route target, ' +
    'and `import vrf` hands on what the source VRF learned over EVPN (its other peers\' subnets, a border leaf\'s ' +
    'default route). The generated configs stop both: each VRF advertises only prefixes inside its own CIDR ' +
    '(`advertise ipv4 unicast route-map EVPN-OUT-<vrf>`) and takes from a peered VRF only that peer\'s own prefixes ' +
    '(`import vrf route-map LEAK-IN-<vrf>`), so when A peers with B and B with C, no switch gives A a route to C. ' +
    'Hosts still join them: B\'s VRF holds routes to both, so any VM of B that forwards or proxies (a NAT gateway, ' +
    'an ingress controller, a compromised node) joins two tenants that are meant to be apart, and no filter between ' +
    'A and C exists to stop it. Fix: peer A and C explicitly if they may talk, or split B\'s role so that no one VPC ' +
    'is shared by tenants that must stay separate.',
  check(ctx) {
    const vpcs = ctx.ir.overlay.vpcs;
    const owner = new Map(vpcs.map((v) => [v.routeTargetExport, v.name]));
    const exportOf = new Map(vpcs.map((v) => [v.name, v.routeTargetExport]));
    const peered = new Map(vpcs.map((v) => [v.name, new Set(v.peers)]));
    for (const vpc of vpcs) {
      const expected = new Set([vpc.routeTargetExport, ...vpc.peers.map((p) => exportOf.get(p))]);
      for (const rt of vpc.routeTargetImports) {
        if (expected.has(rt)) continue;
        const from = owner.get(rt);
        ctx.report([...vpc.origin, 'name'], `VRF ${vpc.vrf} imports route target ${rt}${from ? ` of VPC ${from}` : ''} without a peering: it receives that tenant's routes`, {
          hint: from ? `peer ${vpc.name} with ${from}, or stop importing ${rt}` : `stop importing ${rt}`,
        });
      }
      // Pairs of this VPC's peers that are not peered with each other: this VPC is their pivot.
      const apart: string[] = [];
      vpc.peers.forEach((a, i) => {
        for (const c of vpc.peers.slice(i + 1)) if (!peered.get(a)?.has(c)) apart.push(`${a} and ${c}`);
      });
      if (apart.length === 0) continue;
      // Peerings are symmetric, so this VPC may have none written: then point at its name.
      const written = ctx.spec.vpcs?.[vpc.origin[1] as number]?.peerings !== undefined;
      ctx.report([...vpc.origin, written ? 'peerings' : 'name'], `VPC ${vpc.name} is peered with ${listSome(apart)}, which are not peered with each other: the fabric routes neither to the other, but its VRF routes to both, so any of its VMs that forwards joins them`, {
        hint: 'peer them explicitly if they may talk; otherwise do not let one VPC serve both',
      });
    }
  },
};
