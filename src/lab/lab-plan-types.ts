// The shape of a lab before anything is created: namespaces, veth pairs, scripts, pods, the outside, FRR daemons.

export type NetnsKind = 'switch' | 'host' | 'vm' | 'pod' | 'outside';

export interface PlannedNetns {
  readonly name: string;
  readonly kind: NetnsKind;
  /** The switch, host, VM, `cluster/namespace/pod` or border leaf it stands for. */
  readonly device: string;
}

export interface LinkEnd {
  readonly netns: string;
  readonly ifname: string;
}

/** One veth pair, created with each end directly in its namespace (never in the machine's own). */
export interface PlannedLink {
  readonly a: LinkEnd;
  readonly b: LinkEnd;
  readonly kind: 'fabric' | 'host-uplink' | 'vlan-stand-in' | 'pod';
}

/** A generated script run unchanged inside a namespace; `tenants` gives it the lab's private namespace directory. */
export interface ScriptRun {
  readonly netns: string;
  /** Relative to the compiled outputs. */
  readonly script: string;
  readonly tenants?: boolean;
}

/** A VM's port: the host script leaves `vmportN-vm` in the host; the lab moves it into the VM and renames it. */
export interface VmAttachment {
  readonly vm: string;
  readonly hostNetns: string;
  readonly vmNetns: string;
  readonly hostEnd: string;
  readonly vmInterface: string;
}

/** A pod as the flannel CNI (bridge plugin) would set it up: a veth into `cni0`, the address, the route via the bridge. */
export interface PlannedPod {
  readonly cluster: string;
  readonly namespace: string;
  readonly pod: string;
  readonly netns: string;
  readonly nodeNetns: string;
  readonly nodeVeth: string;
  readonly address: string;
  readonly prefixLength: number;
  readonly gateway: string;
  readonly mtu: number;
  /** Index in the cluster's policy model (`policyModel.pods`). */
  readonly podIndex: number;
}

/**
 * How the lab realises tenant VRFs: as VRF devices, running fabric/<leaf>/overlay.sh and FRR's default VRF backend as
 * emitted, where the kernel has them; else as network namespaces (overlay-netns.sh and `zebra -n`).
 */
export type TenantVrfs = 'devices' | 'namespaces';

/**
 * The outside of one VPC behind one border leaf: a namespace holding the external addresses probed from, attached by
 * a veth pair to the border leaf's VRF of the VPC, where the L3 VNI ends: its tenant namespace (`tenantNetns`) when
 * VRFs are namespaces, else a port of the border leaf's own namespace enslaved to the VRF device (`borderNetns`).
 * With several border leaves the VPC has one entry per border leaf, all with the same namespace (one port each).
 */
export interface PlannedOutside {
  readonly border: string;
  readonly vpc: string;
  readonly vrf: string;
  /** The outside's namespace. */
  readonly netns: string;
  /** The outside's end of the pair: `eth0` toward the first border leaf, `eth1` toward the second, ... */
  readonly outsidePort: string;
  /** VRFs as namespaces: the border leaf's tenant namespace (overlay-netns.sh makes it, pinned in the lab's tenant directory). */
  readonly tenantNetns?: string;
  /** VRFs as devices: the border leaf's own namespace, where `borderPort` is enslaved to the VRF device `vrf`. */
  readonly borderNetns?: string;
  /**
   * The border leaf's end of the pair, the port the border ruleset matches: its lowest free `swpN` (in each tenant
   * namespace), or with VRF devices one free `swpN` per VPC, lowest first, as all share the leaf's namespace.
   */
  readonly borderPort: string;
  readonly addresses: readonly string[];
  /** The VPC's CIDR, routed back from the outside to the tenant namespace. */
  readonly vpcCidr: string;
  /** The border leaf's nftables file (relative to the outputs), also loaded in the tenant namespace; absent when none is emitted. */
  readonly ruleset?: string;
}

export interface PlannedFrr {
  readonly switch: string;
  readonly netns: string;
  /** Relative to the compiled outputs. */
  readonly config: string;
  /**
   * Tenant VRFs of a VTEP when they are namespaces: the VRF name in frr.conf and the namespace overlay-netns.sh makes
   * for it (zebra runs with `-n`); empty with VRF devices, which zebra finds by itself.
   */
  readonly tenants: readonly { readonly vrf: string; readonly netns: string }[];
  /** frr.conf asks for BFD (`fabric.bgp.bfd`): bfdd runs beside zebra and bgpd, as a deployment must run it. */
  readonly bfd: boolean;
}

/** An nftables file and where it loads; `securityGroupsOf` lists the VMs a hypervisor's file guards. */
export interface PlannedRuleset {
  readonly device: string;
  readonly netns: string;
  /** Relative to the compiled outputs. */
  readonly file: string;
  readonly guardedVms: readonly { readonly vm: string; readonly netns: string; readonly interface: string }[];
}

export interface LabPlan {
  readonly name: string;
  /** How tenant VRFs are realised (a plan file written before this field existed means namespaces). */
  readonly tenantVrfs: TenantVrfs;
  readonly namespaces: readonly PlannedNetns[];
  readonly links: readonly PlannedLink[];
  /** In order: switch interfaces, leaf overlays, host setups. */
  readonly fabricScripts: readonly ScriptRun[];
  readonly vmAttachments: readonly VmAttachment[];
  /** In order: VM setups, then pod overlays on node VMs. */
  readonly vmScripts: readonly ScriptRun[];
  readonly pods: readonly PlannedPod[];
  readonly outside: readonly PlannedOutside[];
  readonly rulesets: readonly PlannedRuleset[];
  readonly frr: readonly PlannedFrr[];
}
