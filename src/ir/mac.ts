// Deterministic, locally administered MAC addresses (first octet 0x02) derived from stable values.

function mac(bytes: readonly number[]): string {
  return bytes.map((b) => (b & 255).toString(16).padStart(2, '0')).join(':');
}

function addressBytes(address: number): number[] {
  return [(address >>> 24) & 255, (address >>> 16) & 255, (address >>> 8) & 255, address & 255];
}

/**
 * A VM's MAC: <first octet>:<VPC id low byte>:<IPv4 address>. The first octet is 0x06 (locally administered,
 * unicast, and never the 0x02 of the other MACs here) plus the VPC id's high 5 bits in bits 3-7, so every VPC id
 * (1-4000, see MAX_VPC_ID; 13 bits would hold up to 8191) counts: two VMs share a MAC only if they share VPC and address.
 */
export function vmMac(vpcId: number, address: number): string {
  return mac([0x06 | ((vpcId >>> 8) << 3), vpcId, ...addressBytes(address)]);
}

/** The anycast gateway MAC of a subnet, the same on every leaf: 02:74:68:<L2 VNI, 3 bytes>. */
export function gatewayMac(vni: number): string {
  return mac([0x02, 0x74, 0x68, vni >>> 16, vni >>> 8, vni]);
}

/** A VTEP's router MAC for symmetric IRB: 02:72:<leaf loopback>; one per leaf, shared by its VRFs. */
export function routerMac(loopback: number): string {
  return mac([0x02, 0x72, ...addressBytes(loopback)]);
}

/** A node's flannel VTEP MAC: 02:66:<node VPC address>; unique within the cluster's VPC. */
export function flannelVtepMac(nodeAddress: number): string {
  return mac([0x02, 0x66, ...addressBytes(nodeAddress)]);
}
