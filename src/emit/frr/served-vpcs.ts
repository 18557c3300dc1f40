// Which tenant VPCs and subnets a fabric switch terminates as a VTEP; shared by the FRR and leaf overlay emitters.
import type { FabricIR, SwitchIR } from '../../ir/fabric-ir.js';
import type { OverlayIR, SubnetIR, VpcIR } from '../../ir/overlay-ir.js';
import { byName } from '../../ir/natural-order.js';
import { isVtepSwitch } from './is-vtep-switch.js';

/** VPCs with a VM under this switch, by name; none when the switch is no VTEP (spines, or `vtep: host`). */
export function vpcsServedBy(fabric: FabricIR, overlay: OverlayIR, sw: SwitchIR): VpcIR[] {
  if (!isVtepSwitch(fabric, sw)) return [];
  return overlay.vpcs.filter((vpc) => vpc.leaves.includes(sw.name)).sort(byName);
}

/** A leaf serves a subnet (its L2 VNI and anycast gateway) iff a VM of the subnet sits under it. */
export function subnetsServedBy(vpc: VpcIR, sw: SwitchIR): SubnetIR[] {
  return vpc.subnets.filter((subnet) => subnet.leaves.includes(sw.name)).sort(byName);
}

/** The router MAC of this VPC's L3 VNI bridge on this leaf; its absence is an IR bug, not a user error. */
export function routerMacOf(vpc: VpcIR, sw: SwitchIR): string {
  const entry = vpc.routerMacs.find((r) => r.leaf === sw.name);
  if (!entry) throw new Error(`thrice: overlay IR has no router MAC of VPC ${vpc.name} on ${sw.name}`);
  return entry.mac;
}
