// Numbers derived from a VPC's locked id: its VRF's kernel routing table and its route distinguisher on a VTEP.

/**
 * VPC ids are 1-8191: 13 bits, all of which a VM's MAC holds (mac.ts), and small enough that the derived
 * numbers below stay clear of the kernel's and FRR's own.
 */
export const MAX_VPC_ID = 8191;

/**
 * The kernel routing table of a VPC's VRF: 1000 + id (1001-9191). Never 0 or the kernel's reserved 253-255
 * (default, main, local), which the VNI could be; unique per VPC because ids are, and stable because the id is locked.
 */
export function vrfTableOf(vpcId: number): number {
  return 1000 + vpcId;
}

/**
 * Added to a VPC id to make the local part of its type-5 route distinguisher `<loopback>:<32768 + id>`. FRR derives
 * its automatic RDs (L2 VNIs, BGP instances, Ethernet segments) as `<router-id>:<n>` with n the lowest free index
 * from 1, one per such object on the switch; a switch holds at most 1 + 8191 VRFs + 4093 VLAN-mapped L2 VNIs,
 * so n stays below 32768 and the two never meet.
 */
export const RD_OFFSET = 32768;

/** The route distinguisher of a VPC's VRF on a VTEP with this loopback (router-id). */
export function vrfRouteDistinguisher(loopback: string, vpcId: number): string {
  return `${loopback}:${RD_OFFSET + vpcId}`;
}
