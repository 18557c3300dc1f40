// Every NetworkPolicy of a cluster, inline and imported, as complete networking.k8s.io/v1 objects.
import type { ClusterIR, InlineNetworkPolicyIR } from '../../ir/cluster-ir.js';
import { naturalCompare } from '../../ir/natural-order.js';
import type { ManifestObject } from './manifest-object.js';

/** Sorted by namespace then name, so moving a policy between the spec and a manifest moves no line. */
export function buildNetworkPolicies(cluster: ClusterIR): ManifestObject[] {
  return [...cluster.networkPolicies, ...cluster.importedPolicies].sort(byNamespaceThenName).map(policyObject);
}

function policyObject(policy: InlineNetworkPolicyIR): ManifestObject {
  const object = policy.object as ManifestObject;
  const metadata = isMapping(object['metadata']) ? object['metadata'] : {};
  return {
    ...object,
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    // The namespace is always written: without it `kubectl apply` would put the policy in whatever
    // namespace the caller's context happens to use.
    metadata: { ...metadata, name: policy.name, namespace: policy.namespace },
  };
}

function byNamespaceThenName(a: InlineNetworkPolicyIR, b: InlineNetworkPolicyIR): number {
  return naturalCompare(a.namespace, b.namespace) || naturalCompare(a.name, b.name);
}

function isMapping(value: unknown): value is ManifestObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
