// Read-only IR of the Kubernetes clusters on VPC VMs: nodes with their pod subnets and flannel VTEPs, and workloads.
import type { DataPath } from '../source/data-path.js';
import type { K8sObjects } from '../k8s/k8s-objects.js';

export interface ClusterIR {
  readonly name: string;
  /** Absent for a cluster given only as manifests (policy linting without a network). */
  readonly vpc?: string;
  readonly podCidr: string;
  readonly serviceCidr: string;
  readonly nodeCidrSize: number;
  readonly cni: CniIR;
  /** Nodes sorted by name. */
  readonly nodes: readonly ClusterNodeIR[];
  /** Declared namespaces plus those implied by workloads, sorted; labels include `kubernetes.io/metadata.name`. */
  readonly namespaces: readonly NamespaceIR[];
  /** Workloads sorted by namespace then name. */
  readonly workloads: readonly WorkloadIR[];
  /** Inline NetworkPolicies as written (networking.k8s.io/v1), sorted by namespace then name. */
  readonly networkPolicies: readonly InlineNetworkPolicyIR[];
  /**
   * NetworkPolicies read from `manifestFiles`, same shape as the inline ones (the full object, origin in its manifest),
   * sorted by namespace then name; validation guarantees no namespace/name is both imported and inline.
   */
  readonly importedPolicies: readonly InlineNetworkPolicyIR[];
  /** What NetworkPolicies are evaluated over: imported objects plus the spec's namespaces, workload pods and inline policies. */
  readonly policyModel: K8sObjects;
  /** Manifest files imported for this cluster (paths relative to the spec, sorted). */
  readonly manifestFiles: readonly string[];
  readonly origin: DataPath;
}

export interface CniIR {
  readonly plugin: 'flannel';
  readonly backend: 'vxlan' | 'host-gw' | 'wireguard';
  readonly vni: number;
  /** The backend's UDP port: VXLAN `Port` (default 8472) or WireGuard `ListenPort` (default 51820); unused by host-gw. */
  readonly port: number;
  /** The device flanneld creates: `flannel.<vni>` (vxlan) or `flannel-wg` (wireguard); unused by host-gw. */
  readonly device: string;
  /** Pod-side MTU: the node VM's MTU minus the backend's overhead (VXLAN 50, WireGuard 80, host-gw 0). */
  readonly mtu: number;
  /**
   * What enforces NetworkPolicies (`cni.policy`), absent when the spec does not say. Only `kube-network-policies`
   * deploys an enforcer; absent and `none` both leave policies unenforced.
   */
  readonly policy?: NetworkPolicyEnforcer;
}

/** The NetworkPolicy enforcers the format knows; `none` is flannel alone, which enforces nothing. */
export type NetworkPolicyEnforcer = 'none' | 'kube-network-policies';

export interface ClusterNodeIR {
  /** The node VM's name (also the Kubernetes Node name). */
  readonly name: string;
  readonly host: string;
  readonly leaf: string;
  /** The node VM's VPC address: flannel's VTEP address and the masquerade source. */
  readonly address: string;
  /** The VM interface that carries the VPC address. */
  readonly interface: string;
  /** The node's pod subnet (`spec.podCIDR`), stable. */
  readonly podSubnet: string;
  /** `cni0` address with prefix, e.g. `10.244.1.1/24`. */
  readonly bridgeAddress: string;
  /** `flannel.<vni>` address with prefix, e.g. `10.244.1.0/32`. */
  readonly vtepAddress: string;
  /** MAC of the node's `flannel.<vni>` device, derived deterministically. */
  readonly vtepMac: string;
  readonly origin: DataPath;
}

export interface NamespaceIR {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** False for namespaces only implied by a workload or a builtin. */
  readonly declared: boolean;
}

export interface WorkloadIR {
  readonly name: string;
  readonly namespace: string;
  readonly kind: 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet' | 'Job' | 'CronJob' | 'Pod';
  readonly labels: Readonly<Record<string, string>>;
  readonly replicas: number;
  /** Pinned node, if any. */
  readonly node?: string;
  readonly hostNetwork: boolean;
  readonly ports: readonly { readonly name?: string; readonly port: number; readonly protocol: 'TCP' | 'UDP' | 'SCTP'; readonly hostPort?: number }[];
  /** Pods placed on nodes deterministically: `<name>-<i>` on a node, sorted. */
  readonly pods: readonly { readonly name: string; readonly node: string; readonly ip?: string }[];
  readonly origin: DataPath;
}

export interface InlineNetworkPolicyIR {
  readonly name: string;
  readonly namespace: string;
  /** The full object as written, with `apiVersion` and `kind` filled in. */
  readonly object: Readonly<Record<string, unknown>>;
  readonly origin: DataPath;
}
