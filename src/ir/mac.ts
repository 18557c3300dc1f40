// Deterministic, locally administered MAC addresses (first octet 0x02) derived from stable values.

function mac(bytes: readonly number[]): string {
  return bytes.map((b) => (b & 255).toString(16).padStart(2, '0')).join(':');
}

function addressBytes(address: number): number[] {
  return [(address >>> 24) & 255, (address >>> 16) & 255, (address >>> 8) & 255, address & 255];
}

/** A VM's MAC: 02:<vpc id low byte>:<IPv4 address>. Unique within a VPC's L2 domains. */
export function vmMac(vpcId: number, address: number): string {
  return mac([0x02, vpcId, ...addressBytes(address)]);
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
