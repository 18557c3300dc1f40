// Read-only IR of the tenant overlays (VPCs as VRFs with VXLAN/EVPN) and of the VMs placed on hosts.
import type { DataPath } from '../source/data-path.js';
import type { AddressIR, PortRange, Proto } from './address-ir.js';

export interface VpcIR {
  readonly name: string;
  /** Stable small index 1-4000 (lock file): route distinguisher, VRF table and VM MACs derive from it. */
  readonly id: number;
  readonly cidr: string;
  /** L3 VNI of the tenant VRF (symmetric IRB). */
  readonly l3Vni: number;
  /** VRF name on every VTEP (the VPC name; at most 15 characters, a Linux interface name). */
  readonly vrf: string;
  /** Kernel routing table of the VRF: 1000 + id (vpc-numbers.ts), never 0 or the reserved 253-255. */
  readonly vrfTable: number;
  /** Bridge and VXLAN devices of the L3 VNI on each VTEP. */
  readonly l3Bridge: string;
  readonly l3Vxlan: string;
  /**
   * Router MAC of the L3 VNI bridge on each serving leaf, sorted by leaf. It must differ per VTEP: remote
   * VTEPs install one FDB entry per router MAC (symmetric IRB), so a shared MAC would point at one VTEP only.
   */
  readonly routerMacs: readonly { readonly leaf: string; readonly mac: string }[];
  /** EVPN route targets of the VRF: export its own; import its own plus every peered VPC's. */
  readonly routeTargetExport: string;
  readonly routeTargetImports: readonly string[];
  /** Peered VPCs (peerings are symmetric), sorted. */
  readonly peers: readonly string[];
  /** Subnets sorted by name. */
  readonly subnets: readonly SubnetIR[];
  /**
   * Its VTEPs, sorted: leaves with a VM of this VPC, every border leaf (north-south), and leaves with a VM of a
   * peered VPC (a leaked route arrives over the importing VRF's L3 VNI, so the far leaf needs this VRF too).
   */
  readonly leaves: readonly string[];
  readonly securityGroups: readonly SecurityGroupIR[];
  readonly origin: DataPath;
}

export interface SubnetIR {
  readonly name: string;
  readonly vpc: string;
  readonly cidr: string;
  readonly prefixLength: number;
  /** L2 VNI. */
  readonly vni: number;
  /** 802.1Q VLAN carrying the subnet on leaf–host trunks (pinned or allocated, stable). */
  readonly vlan: number;
  /** First usable address: the anycast gateway on every serving leaf. */
  readonly gateway: string;
  /** Anycast gateway MAC, the same on every leaf. */
  readonly gatewayMac: string;
  /** Each serving leaf's own address in the subnet (on a macvlan over its SVI; it ARPs from it), by leaf; from the top, locked. */
  readonly leafAddresses: readonly { readonly leaf: string; readonly address: string }[];
  /** Bridge and VXLAN devices of this L2 VNI on each VTEP (`br<vni>`, `vxlan<vni>`). */
  readonly bridge: string;
  readonly vxlan: string;
  /** Leaves with a VM in this subnet, sorted. */
  readonly leaves: readonly string[];
  readonly origin: DataPath;
}

export interface VmIR {
  readonly name: string;
  readonly vpc: string;
  readonly subnet: string;
  readonly host: string;
  /** The leaf above the VM's host. */
  readonly leaf: string;
  readonly ip: string;
  readonly prefixLength: number;
  readonly gateway: string;
  readonly mac: string;
  /** VM interface MTU: fabric MTU minus one VXLAN layer unless pinned lower. */
  readonly mtu: number;
  /** The VM's port on the hypervisor (`vmport<N>`, N pinned per host by the lock; libvirt's `<target dev>`). */
  readonly hostPort: string;
  /** Name of the VM's own interface (`eth0`). */
  readonly interface: string;
  readonly securityGroups: readonly string[];
  readonly origin: DataPath;
}

/** Stateful, allow-only group; `egress` undefined means everything is allowed out. */
export interface SecurityGroupIR {
  readonly name: string;
  readonly vpc: string;
  readonly ingress: readonly SecurityRuleIR[];
  readonly egress?: readonly SecurityRuleIR[];
  readonly origin: DataPath;
}

export interface SecurityRuleIR {
  /** The remote side: `from` for ingress, `to` for egress. */
  readonly peer: AddressIR;
  readonly proto: Proto;
  /** Empty means every port. */
  readonly ports: readonly PortRange[];
  readonly origin: DataPath;
}

export interface OverlayIR {
  readonly vpcs: readonly VpcIR[];
  /** All VMs of all VPCs, sorted by name. */
  readonly vms: readonly VmIR[];
}
