// The ready-to-print shape of a leaf's overlay.sh and overlay-netns.sh: every data string already a quoted shell word.
import type { ConvergeView } from './converge-view.js';

export interface LeafOverlayView {
  /** Comment text: the leaf and its role. */
  readonly title: string;
  /** Shell word: the leaf's loopback, the `local` address of every VXLAN device (the VTEP address). */
  readonly vtepAddress: string;
  /** Shell word: the IANA VXLAN UDP port. */
  readonly vxlanPort: string;
  /** Shell word: the MTU of every overlay device, the fabric MTU minus one VXLAN layer. */
  readonly mtu: string;
  /** Comment text: how that MTU follows from the fabric's. */
  readonly mtuReason: string;
  /** Shell words of `sysctl -w` assignments each tenant namespace needs (overlay-netns.sh only). */
  readonly tenantSysctls: readonly string[];
  /** One per VPC this leaf serves, by name. */
  readonly tenants: readonly LeafTenantView[];
  /** What overlay.sh keeps when it converges: every device and address of every tenant. */
  readonly converge: ConvergeView;
  /** The same for overlay-netns.sh, whose devices all live in the tenant namespaces (kept per tenant below). */
  readonly convergeNetns: ConvergeView;
  /**
   * Shell word: the alias overlay-netns.sh puts on a tenant namespace's lo, which marks the namespace as its own;
   * unlike a device's mark it has no `thrice overlay-netns.sh: ` prefix, so lo never counts as a device it made.
   */
  readonly tenantMark: string;
  /** Heredoc lines: the tenant namespaces overlay-netns.sh keeps. */
  readonly tenantNamespaces: readonly string[];
}

export interface LeafTenantView {
  /** Comment text: the VPC, its VRF, routing table, L3 VNI and peers. */
  readonly comment: string;
  /** Shell word: the VRF device (overlay.sh). */
  readonly vrf: string;
  /** Shell word: the VRF's kernel routing table. */
  readonly vrfTable: string;
  /** Shell word: the network namespace standing for the VRF (overlay-netns.sh). */
  readonly netns: string;
  /** Shell word: the line overlay-netns.sh prints, naming the namespace of this VRF. */
  readonly netnsNotice: string;
  /** The L3 VNI (symmetric IRB): its bridge carries the leaf's router MAC and no address. */
  readonly l3Vni: LeafVniView;
  /** Subnets this leaf serves, by name. */
  readonly subnets: readonly LeafSubnetView[];
  /** Heredoc lines: the devices overlay-netns.sh keeps in this tenant's namespace. */
  readonly keepLinks: readonly string[];
  /** Heredoc lines: the addresses (`<device> <address>/<length>`) it keeps there. */
  readonly keepAddresses: readonly string[];
}

/** A VXLAN device and the bridge it is the tunnel port of: one per VNI (Linux's traditional model). */
export interface LeafVniView {
  /** Comment text: what the VNI is. */
  readonly comment: string;
  /** Shell word: the VNI. */
  readonly vni: string;
  /** Shell word: the VXLAN device. */
  readonly vxlan: string;
  /** Shell word: the bridge. */
  readonly bridge: string;
  /** Shell word: the bridge's MAC (router MAC of the L3 VNI, anycast gateway MAC of a subnet). */
  readonly mac: string;
}

export interface LeafSubnetView {
  /** The L2 VNI; its bridge (the SVI) carries the anycast gateway MAC and address, as every leaf's does. */
  readonly vni: LeafVniView;
  /** Shell word: the anycast gateway with its prefix length, e.g. `'10.1.1.1/24'`. */
  readonly gateway: string;
  /** Shell words of `sysctl -w` assignments for the SVI. */
  readonly sviSysctls: readonly string[];
  /** The leaf's own MAC and address in the subnet, on a macvlan over the SVI: the leaf ARPs from them. */
  readonly own: LeafOwnAddressView;
  /** VLAN subinterfaces toward the hosts with a VM in the subnet, by port number. */
  readonly ports: readonly LeafSubinterfaceView[];
}

export interface LeafOwnAddressView {
  /** Comment text: why the leaf has an address of its own here. */
  readonly comment: string;
  /** Shell word: the macvlan device, `br<vni>-v0`. */
  readonly device: string;
  /** Shell word: the leaf's own MAC (its router MAC). */
  readonly mac: string;
  /** Shell word: the leaf's own address with the prefix length, e.g. `'10.1.1.254/24'`. */
  readonly address: string;
  /** Shell words of `sysctl -w` assignments for the macvlan. */
  readonly sysctls: readonly string[];
}

export interface LeafSubinterfaceView {
  /** Comment text: the subinterface and the host behind it. */
  readonly comment: string;
  /** Shell word: `'swpN.<vlan>'`. */
  readonly device: string;
  /** Shell word: `'swpN'`, the trunk port. */
  readonly parent: string;
  /** Shell word: the 802.1Q VLAN id. */
  readonly vlan: string;
}
