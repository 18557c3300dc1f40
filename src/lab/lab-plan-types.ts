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
 * The outside of one VPC behind one border leaf: a namespace holding the external addresses probed from, attached by
 * a veth pair to the border leaf's tenant namespace of the VPC (its VRF), where the L3 VNI ends. With several border
 * leaves the VPC has one entry per border leaf, all with the same namespace (one port each).
 */
export interface PlannedOutside {
  readonly border: string;
  readonly vpc: string;
  readonly vrf: string;
  /** The outside's namespace. */
  readonly netns: string;
  /** The outside's end of the pair: `eth0` toward the first border leaf, `eth1` toward the second, ... */
  readonly outsidePort: string;
  /** The border leaf's tenant namespace (overlay-netns.sh makes it, pinned in the lab's tenant directory). */
  readonly tenantNetns: string;
  /** The border leaf's lowest free `swpN`, the tenant namespace's end of the pair: the port the border ruleset matches. */
  readonly borderPort: string;
  readonly addresses: readonly string[];
  /** The VPC's CIDR, routed back from the outside to the tenant namespace. */
  readonly vpcCidr: string;
  /** The border leaf's nftables file (relative to the outputs), loaded in the tenant namespace too; absent when none is emitted. */
  readonly ruleset?: string;
}

export interface PlannedFrr {
  readonly switch: string;
  readonly netns: string;
  /** Relative to the compiled outputs. */
  readonly config: string;
  /** Tenant VRFs of a VTEP: the VRF name in frr.conf and the namespace overlay-netns.sh makes for it. */
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
