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
}
