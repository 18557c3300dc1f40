// The layered path model's vocabulary: endpoint instances, headers, hops, enforcement checks and whole paths.
import type { Location } from '../../diagnostics/diagnostic.js';
import type { DataPath } from '../../source/data-path.js';

export type FlowProto = 'tcp' | 'udp' | 'icmp';

/** A concrete source or destination of traffic: one VM, one pod, one hypervisor, or one external range. */
export type EndpointInstance =
  | { readonly kind: 'external'; readonly name: string; /** CIDR or first-last range */ readonly address: string; readonly first: number; readonly last: number }
  | { readonly kind: 'host'; readonly name: string; readonly address: string; readonly host: string; readonly leaf: string }
  | { readonly kind: 'vm'; readonly name: string; readonly address: string; readonly vm: string; readonly vpc: string; readonly subnet: string; readonly host: string; readonly leaf: string }
  | {
      readonly kind: 'pod';
      readonly name: string;
      /** Pod IP, or the node's address for hostNetwork pods. */
      readonly address: string;
      readonly cluster: string;
      readonly namespace: string;
      readonly pod: string;
      readonly workload?: string;
      readonly hostNetwork: boolean;
      /** Index of the pod in the cluster's policy model (`policyModel.pods`). */
      readonly podIndex: number;
      /** The node VM and where it sits. */
      readonly vm: string;
      readonly vpc: string;
      readonly subnet: string;
      readonly host: string;
      readonly leaf: string;
    };

/** One header of the stack a hop sees; the outermost comes first in `Hop.headers`. */
export interface Header {
  /**
   * `payload`: the original packet (after any masquerade); the others are tunnel headers. `flannel-wireguard` is
   * encrypted: what it carries is listed after it for the reader, but no filter on the way can read it.
   */
  readonly kind: 'payload' | 'flannel-vxlan' | 'flannel-wireguard' | 'vpc-vxlan';
  readonly src: string;
  readonly dst: string;
  readonly proto: FlowProto;
  readonly dport?: number;
  readonly vni?: number;
  /**
   * The VPC whose traffic this header is (its VRF, its ports): a `vm:`/`subnet:`/`vpc:`/`pods:` reference matches
   * it only there (unpeered VPCs may reuse the addresses). Absent on the underlay: VPC VXLAN, hypervisor traffic.
   */
  readonly vpc?: string;
}

export type CheckKind =
  | 'network-policy-egress'
  | 'network-policy-ingress'
  | 'security-group-egress'
  | 'security-group-ingress'
  | 'firewall';

export interface RuleRef {
  readonly description: string;
  readonly at?: DataPath | Location;
}

export interface EnforcementCheck {
  readonly kind: CheckKind;
  /** Firewall name, security group names, or the pod whose NetworkPolicies apply. */
  readonly name: string;
  readonly at?: DataPath | Location;
  /** The header this enforcement point evaluates: the outermost at its position. */
  readonly sees: Header;
  readonly verdict: 'allow' | 'deny';
  /** The rule that decided; absent when a default or implicit action did. */
  readonly decidedBy?: RuleRef;
  /** Why the default applied, or how the rule decided, in words. */
  readonly reason: string;
  /** Rules written for this flow's inner addresses that cannot match the header seen here. */
  readonly bypassed: readonly (RuleRef & { readonly why: string })[];
}

export type HopLayer = 'pod' | 'node' | 'vm' | 'host' | 'leaf' | 'spine' | 'super-spine' | 'border' | 'external';

export interface Hop {
  readonly layer: HopLayer;
  /** Device(s): `leaf1`, `spine1|spine2` for an ECMP set, `hv1 vmport0`. */
  readonly at: string;
  readonly description: string;
  readonly headers: readonly Header[];
  readonly checks: readonly EnforcementCheck[];
  /** The flow's reply, not its first packet (north-south over several border leaves: where the reply crosses). */
  readonly reply?: boolean;
}

export type PathKind = 'same-node' | 'same-host' | 'same-leaf' | 'cross-leaf' | 'cross-pod' | 'north-south' | 'underlay' | 'unreachable';

export interface FlowPath {
  readonly from: EndpointInstance;
  readonly to: EndpointInstance;
  readonly proto: FlowProto;
  readonly port?: number;
  readonly kind: PathKind;
  readonly hops: readonly Hop[];
  readonly verdict: 'allow' | 'deny';
  /** Why no packet gets through when there is no route at all (`kind: unreachable`). */
  readonly unreachable?: string;
  /** North-south over several border leaves: the one each direction crosses, and a UDP source port that matters. */
  readonly crossing?: { readonly forward: string; readonly reply: string; readonly sourcePort?: number };
}

/** A flow to decide: the intent's endpoints, protocol and one destination port. */
export interface Flow {
  readonly proto: FlowProto;
  readonly port?: number;
}
