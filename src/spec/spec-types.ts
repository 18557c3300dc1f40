// TypeScript shape of a topology file once it has passed the JSON Schema (schema/thrice.schema.json).

export type Name = string;
/** IPv4 CIDR in canonical text, e.g. `10.1.0.0/16`. */
export type Cidr = string;
/** A port number, or an inclusive range written `"low-high"`. */
export type PortSpec = number | string;
export type Proto = 'tcp' | 'udp' | 'icmp' | 'any';
/** A CIDR, `any`, or a reference such as `vm:pg-1`, `subnet:blue/db`, `pods:prod`. */
export type AddressRef = string;

export interface Spec {
  thrice: 1;
  name: Name;
  fabric?: FabricSpec;
  vpcs?: VpcSpec[];
  clusters?: ClusterSpec[];
  firewalls?: FirewallSpec[];
  intents?: IntentSpec[];
}

export interface FabricSpec {
  radix?: number;
  mtu?: number;
  loopbacks: Cidr;
  links?: 'unnumbered' | Cidr;
  asn: AsnSpec;
  vtep?: 'leaf' | 'host';
  spines?: number | SwitchItem[];
  leaves?: number | LeafItem[];
  superSpines?: number | SwitchItem[];
  pods?: PodSpec[];
  hosts?: HostSpec[];
  /** Hardening of the fabric's eBGP sessions (all optional). */
  bgp?: FabricBgpSpec;
}

/** Session hardening applied to the `fabric` peer group on every switch. */
export interface FabricBgpSpec {
  /** TCP-MD5 password, read at compile time from an environment variable or a file inside the project. */
  password?: SecretSource;
  /** Inbound prefix limits per address family (FRR 8.4 offers it for ipv4 unicast only). */
  maximumPrefix?: { ipv4?: number };
  /** BFD on every session: `true` for FRR's defaults, or timers in milliseconds. */
  bfd?: boolean | BfdTimersSpec;
  /** GTSM (RFC 5082): accept only packets from a directly connected peer (TTL 255). */
  ttlSecurity?: boolean;
}

export type SecretSource = { env: string } | { file: string };

export interface BfdTimersSpec {
  detectMultiplier?: number;
  receiveInterval?: number;
  transmitInterval?: number;
}

export interface AsnSpec {
  superSpine?: number;
  /** A single ASN (two tiers) or a range `"low-high"` (three tiers, one per pod). */
  spine?: number | string;
  /** A range `"low-high"` (one per leaf, or per rack pair); a single number is a range of one. */
  leaf?: number | string;
}

export interface SwitchObject {
  name: Name;
  id?: number;
  asn?: number;
  loopback?: string;
}
export type SwitchItem = Name | SwitchObject;

export interface LeafObject extends SwitchObject {
  rack?: Name;
  role?: 'leaf' | 'border';
}
export type LeafItem = Name | LeafObject;

export interface PodSpec {
  name: Name;
  id?: number;
  asn?: number;
  spines: number | SwitchItem[];
  leaves: number | LeafItem[];
}

export interface HostSpec {
  name: Name;
  leaf: Name;
  /** Pinned leaf port number (swpN on the leaf). */
  port?: number;
  /** Pinned VTEP loopback (vtep: host). */
  loopback?: string;
}

export interface VpcSpec {
  name: Name;
  vni: number;
  cidr: Cidr;
  subnets: SubnetSpec[];
  securityGroups?: SecurityGroupSpec[];
  vms?: VmSpec[];
  peerings?: PeeringSpec[];
}

export interface SubnetSpec {
  name: Name;
  cidr: Cidr;
  vni: number;
  vlan?: number;
}

export interface SecurityGroupSpec {
  name: Name;
  ingress?: SecurityRuleSpec[];
  egress?: SecurityRuleSpec[];
}

export interface SecurityRuleSpec {
  from?: AddressRef;
  to?: AddressRef;
  proto?: Proto;
  ports?: PortSpec[];
}

export interface VmSpec {
  name: Name;
  host: Name;
  subnet: Name;
  ip?: string;
  securityGroups?: Name[];
  mtu?: number;
}

export interface PeeringSpec {
  vpc: Name;
}

export interface ClusterSpec {
  name: Name;
  vpc?: Name;
  nodes?: Name[];
  cni?: CniSpec;
  podCidr?: Cidr;
  nodeCidrSize?: number;
  serviceCidr?: Cidr;
  namespaces?: NamespaceSpec[];
  workloads?: WorkloadSpec[];
  manifests?: string[];
  networkPolicies?: Record<string, unknown>[];
}

export interface CniSpec {
  plugin: 'flannel';
  backend?: 'vxlan' | 'host-gw' | 'wireguard';
  vni?: number;
  port?: number;
  /** What enforces NetworkPolicies; no default. */
  policy?: 'none' | 'kube-network-policies';
}

export interface NamespaceSpec {
  name: Name;
  labels?: Record<string, string>;
}

export interface WorkloadSpec {
  name: Name;
  namespace: Name;
  kind?: 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet' | 'Job' | 'CronJob' | 'Pod';
  labels?: Record<string, string>;
  replicas?: number;
  node?: Name;
  hostNetwork?: boolean;
  ports?: WorkloadPortSpec[];
}

export interface WorkloadPortSpec {
  name?: string;
  port: number;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  hostPort?: number;
}

export interface FirewallSpec {
  name: Name;
  /** `spines`, `superSpines`, `border`, `leaf:<name>`, `host:<name>` or `vm:<name>`. */
  at: string;
  default?: 'allow' | 'deny';
  rules?: FirewallRuleSpec[];
}

export interface FirewallRuleSpec {
  action: 'allow' | 'deny';
  from?: AddressRef;
  to?: AddressRef;
  proto?: Proto;
  ports?: PortSpec[];
}

export interface IntentSpec {
  name: Name;
  from: EndpointSpec;
  to: EndpointSpec;
  proto?: Proto;
  ports?: PortSpec[];
  expect: 'allow' | 'deny';
}

export type EndpointSpec =
  | { external: Cidr }
  | { host: Name }
  | { vm: Name }
  | { subnet: string }
  | { workload: string }
  | { pods: { cluster: Name; namespace?: Name; selector?: Record<string, string> } };
