// Typed, validated Kubernetes objects read from manifests: what the NetworkPolicy engine and the cluster layer consume.
import type { Location } from '../diagnostics/diagnostic.js';

export type Labels = Readonly<Record<string, string>>;

/** Protocols a NetworkPolicy port (and a container port) may name; TCP when omitted. */
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface LabelRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: readonly string[];
}

/** A metav1.LabelSelector; with neither part it matches everything. */
export interface LabelSelector {
  readonly matchLabels: Labels;
  readonly matchExpressions: readonly LabelRequirement[];
}

export interface K8sNamespace {
  readonly name: string;
  /** Declared labels plus `kubernetes.io/metadata.name` when the manifest left it out, as the API server adds it. */
  readonly labels: Labels;
  readonly location: Location;
}

export interface ContainerPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol: Protocol;
}

/** The controller a pod belongs to, as its ownerReferences (or the expanding controller) name it. */
export interface PodOwner {
  /** Empty when the reference gave no kind; such a pod is listed as `[Pod]`, as the oracle does. */
  readonly kind: string;
  readonly name: string;
}

export type WorkloadKind =
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'ReplicaSet'
  | 'ReplicationController'
  | 'Job'
  | 'CronJob';

export interface K8sPod {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly containerPorts: readonly ContainerPort[];
  readonly hostNetwork: boolean;
  /** `status.hostIP`, when the manifest carries one (pods read from a live cluster). */
  readonly hostIP?: string;
  readonly podIPs: readonly string[];
  /** Controller owner; absent for bare pods (and static pods owned by a Node). */
  readonly owner?: PodOwner;
  /** The Pod object, or the controller object the pod was expanded from. */
  readonly location: Location;
}

/** A workload controller as declared; its pods are in `K8sObjects.pods`. */
export interface K8sWorkload {
  readonly kind: WorkloadKind;
  readonly namespace: string;
  readonly name: string;
  readonly replicas: number;
  readonly podLabels: Labels;
  readonly location: Location;
}

export interface ServicePort {
  readonly name?: string;
  readonly port: number;
  readonly targetPort?: number | string;
  readonly protocol: Protocol;
}

export interface K8sService {
  readonly namespace: string;
  readonly name: string;
  /** Absent for services without a selector (manually managed endpoints). */
  readonly selector?: Labels;
  readonly ports: readonly ServicePort[];
  readonly location: Location;
}

/** An IPv4 range of the address space, both ends inclusive, as unsigned 32-bit integers. */
export interface Ipv4Range {
  readonly first: number;
  readonly last: number;
}

export type PolicyPeer =
  | {
      readonly type: 'selector';
      /** Absent: every pod of the selected namespaces. */
      readonly podSelector?: LabelSelector;
      /** Absent: the policy's own namespace only. */
      readonly namespaceSelector?: LabelSelector;
      readonly location: Location;
    }
  | {
      readonly type: 'ipBlock';
      readonly cidr: Ipv4Range;
      readonly except: readonly Ipv4Range[];
      /** The CIDR text as written, for messages. */
      readonly text: string;
      readonly location: Location;
    };

export interface PolicyPort {
  readonly protocol: Protocol;
  /** Absent: every port of the protocol. A string is a named container port of the destination. */
  readonly port?: number | string;
  readonly endPort?: number;
  readonly location: Location;
}

export interface PolicyRule {
  /** `all` when `from`/`to` is absent or empty: the rule matches every peer, pods and addresses. */
  readonly peers: readonly PolicyPeer[] | 'all';
  /** Empty when `ports` is absent or empty: every port of every protocol. */
  readonly ports: readonly PolicyPort[];
  readonly location: Location;
}

export type PolicyType = 'Ingress' | 'Egress';

export interface NetworkPolicy {
  readonly namespace: string;
  readonly name: string;
  readonly podSelector: LabelSelector;
  /** Effective directions after defaulting: Ingress always, Egress when there are egress rules. */
  readonly policyTypes: readonly PolicyType[];
  readonly ingress: readonly PolicyRule[];
  readonly egress: readonly PolicyRule[];
  readonly location: Location;
}

export interface K8sObjects {
  readonly namespaces: readonly K8sNamespace[];
  /** Bare pods and the pods workload controllers expand into, in manifest order. */
  readonly pods: readonly K8sPod[];
  readonly workloads: readonly K8sWorkload[];
  readonly services: readonly K8sService[];
  readonly networkPolicies: readonly NetworkPolicy[];
}

/** The label the API server puts on every namespace, naming it. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
