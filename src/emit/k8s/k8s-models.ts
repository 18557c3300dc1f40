// The Kubernetes API schemas thrice checks objects against, from kubernetes-models, by apiVersion and kind.
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Node } from 'kubernetes-models/v1/Node';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import type { FieldSet } from './find-unknown-fields.js';
import { NETWORK_POLICY_FIELDS } from './network-policy-fields.js';

/** What validation needs of a model: it copies the data in and throws an ajv ValidationError on `validate()`. */
export type K8sModel = new (data: Record<string, unknown>) => { validate(): void };

export interface K8sKind {
  readonly model: K8sModel;
  /**
   * Known fields, for kinds a person writes by hand: the OpenAPI schema allows any extra field, but
   * `kubectl apply` (strict field validation) rejects them, and a misspelt `ingres` would silently
   * turn a policy into deny-all. Kinds thrice only writes itself need no such check.
   */
  readonly fields?: FieldSet;
}

/** Each model class types its data precisely; validation is exactly for data whose type is not known yet. */
const model = (ctor: unknown): K8sModel => ctor as K8sModel;

/** Every kind thrice reads from a spec or writes to its output, keyed `apiVersion/kind`. */
export const K8S_KINDS: ReadonlyMap<string, K8sKind> = new Map([
  ['v1/ConfigMap', { model: model(ConfigMap) }],
  ['v1/Namespace', { model: model(Namespace) }],
  ['v1/Node', { model: model(Node) }],
  ['networking.k8s.io/v1/NetworkPolicy', { model: model(NetworkPolicy), fields: NETWORK_POLICY_FIELDS }],
  // The NetworkPolicy enforcer's objects (k8s/<cluster>/kube-network-policies.yaml).
  ['v1/ServiceAccount', { model: model(ServiceAccount) }],
  ['apps/v1/DaemonSet', { model: model(DaemonSet) }],
  ['rbac.authorization.k8s.io/v1/ClusterRole', { model: model(ClusterRole) }],
  ['rbac.authorization.k8s.io/v1/ClusterRoleBinding', { model: model(ClusterRoleBinding) }],
]);
