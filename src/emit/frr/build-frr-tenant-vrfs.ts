// Decides the tenant VRF sections of a VTEP's frr.conf: one L3 VNI and one EVPN type-5 BGP instance per served VPC.
import type { FabricIR, SwitchIR } from '../../ir/fabric-ir.js';
import type { OverlayIR, VpcIR } from '../../ir/overlay-ir.js';
import type { FrrTenantVrfView } from './frr-config-view.js';
import { naturalCompare } from '../../ir/natural-order.js';
import { vrfRouteDistinguisher } from '../../ir/vpc-numbers.js';
import { vpcsServedBy } from './served-vpcs.js';
import { buildFrrTenantPolicies, evpnExportMap, leakImportMap, type FrrTenantPolicies } from './build-frr-tenant-policies.js';

export function buildFrrTenantVrfs(fabric: FabricIR, overlay: OverlayIR, sw: SwitchIR): FrrTenantVrfView[] {
  const served = vpcsServedBy(fabric, overlay, sw);
  const peersHere = localPeersOn(served);
  return served.map((vpc) => tenantVrf(vpc, sw, peersHere(vpc)));
}

/** The prefix-lists and route-maps the tenant VRFs of this switch name (none on spines and VTEPs without VMs). */
export function buildFrrTenantVrfPolicies(fabric: FabricIR, overlay: OverlayIR, sw: SwitchIR): FrrTenantPolicies {
  const served = vpcsServedBy(fabric, overlay, sw);
  return buildFrrTenantPolicies(served, overlay, localPeersOn(served));
}

/** A VPC's peers whose VRF is on this switch too: those it leaks from locally. */
function localPeersOn(served: readonly VpcIR[]): (vpc: VpcIR) => string[] {
  const here = new Set(served.map((vpc) => vpc.name));
  return (vpc) => vpc.peers.filter((p) => here.has(p)).sort(naturalCompare);
}

function tenantVrf(vpc: VpcIR, sw: SwitchIR, localPeers: readonly string[]): FrrTenantVrfView {
  return {
    name: vpc.vrf,
    l3Vni: vpc.l3Vni,
    asn: sw.asn,
    routerId: sw.loopback,
    rd: vrfRouteDistinguisher(sw.loopback, vpc.id),
    // Explicit route targets, the same on every leaf: with eBGP every leaf has its own ASN, so FRR's
    // automatic ASN:VNI export targets would differ per leaf. Importing a peer's target is the leak.
    routeTargetExport: vpc.routeTargetExport,
    routeTargetImports: [...new Set(vpc.routeTargetImports)].sort(naturalCompare),
    defaultOriginate: sw.role === 'border',
    importVrfs: [...localPeers],
    evpnExportMap: evpnExportMap(vpc.vrf),
    leakImportMap: localPeers.length > 0 ? leakImportMap(vpc.vrf) : null,
  };
}
