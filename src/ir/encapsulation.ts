// The constants of VXLAN encapsulation every layer budgets and filters by.

/** Every VXLAN layer costs 50 bytes: outer Ethernet 14 + IPv4 20 + UDP 8 + VXLAN 8. */
export const VXLAN_OVERHEAD = 50;

/** IANA's VXLAN port, used by the fabric's VPC overlays (flannel's default is 8472). */
export const VPC_VXLAN_PORT = 4789;
