// Numbers derived from a VPC's locked id: its VRF's kernel routing table and its route distinguisher on a VTEP.

/**
 * VPC ids are 1-4000: the VRF tables they make (1001-5000) are the range ifupdown2 reserves for VRFs, which the
 * persistent interfaces files rely on; a VM's MAC holds 13 bits of the id (mac.ts), and the derived numbers below
 * stay clear of the kernel's and FRR's own.
 */
export const MAX_VPC_ID = 4000;

/**
 * The kernel routing table of a VPC's VRF: 1000 + id (1001-5000, ifupdown2's VRF table range). Never 0 or the kernel's reserved 253-255
 * (default, main, local), which the VNI could be; unique per VPC because ids are, and stable because the id is locked.
 */
export function vrfTableOf(vpcId: number): number {
  return 1000 + vpcId;
}

/**
 * Added to a VPC id to make the local part of its type-5 route distinguisher `<loopback>:<32768 + id>`. FRR derives
 * its automatic RDs (L2 VNIs, BGP instances, Ethernet segments) as `<router-id>:<n>` with n the lowest free index
 * from 1, one per such object on the switch; a switch holds at most 1 + 4000 VRFs + 4093 VLAN-mapped L2 VNIs,
 * so n stays below 32768 and the two never meet.
 */
export const RD_OFFSET = 32768;

/** The route distinguisher of a VPC's VRF on a VTEP with this loopback (router-id). */
export function vrfRouteDistinguisher(loopback: string, vpcId: number): string {
  return `${loopback}:${RD_OFFSET + vpcId}`;
}
