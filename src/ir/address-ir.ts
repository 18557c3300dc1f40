// Addresses in rules and intents, resolved: the reference as written plus the CIDRs it stands for.

export type Proto = 'tcp' | 'udp' | 'icmp' | 'any';

/** Inclusive port range. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

export interface AddressIR {
  /** As written: `any`, a CIDR, `vm:pg-1`, `subnet:blue/db`, `pods:prod`, `loopbacks`, ... */
  readonly ref: string;
  /** The IPv4 prefixes it covers, sorted and merged; `any` is `0.0.0.0/0`. */
  readonly cidrs: readonly string[];
  /**
   * A reference to something inside a VPC (`vpc:`, `subnet:`, `vm:`, `pods:`/`services:` of a cluster on a VPC):
   * the VPCs whose traffic it may match, sorted: its own and those peered with it. Unpeered VPCs may reuse its
   * addresses, so only there do they mean this object (peered ones cannot overlap it). Absent for CIDRs, `any`,
   * `host:` and `loopbacks`, which match their addresses in every VPC and on the underlay.
   */
  readonly vpcs?: readonly string[];
}
