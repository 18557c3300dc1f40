// Whether a cluster's outputs deploy something that enforces its NetworkPolicies, and where its first policy is.
import type { ClusterIR } from './cluster-ir.js';
import type { NetworkPolicy } from '../k8s/k8s-objects.js';

/** The enforcer image the outputs pin: the tag flannel's chart deploys with `netpol.enabled`. */
export const KUBE_NETWORK_POLICIES_IMAGE = 'registry.k8s.io/networking/kube-network-policies:v1.0.0';

/** flannel enforces no NetworkPolicy: only a declared enforcer makes them filters (an unset `policy` deploys none). */
export function enforcesNetworkPolicies(cluster: Pick<ClusterIR, 'cni'>): boolean {
  return cluster.cni.policy === 'kube-network-policies';
}

/** Why policies do not filter this cluster's traffic, in words for paths and findings. */
export function unenforcedReason(cluster: Pick<ClusterIR, 'name' | 'cni'>): string {
  return cluster.cni.policy === 'none'
    ? `cluster ${cluster.name} has cni.policy: none, so its NetworkPolicies are documents: nothing enforces them`
    : `cluster ${cluster.name} names no NetworkPolicy enforcer (cni.policy unset) and flannel enforces none, so its NetworkPolicies filter nothing`;
}

/**
 * The policy written first: inline ones in spec order (by their index, so no other position is computed), else the
 * first imported one (the model keeps imported objects in file and document order, ahead of the inline ones).
 */
export function firstPolicy(cluster: Pick<ClusterIR, 'policyModel' | 'networkPolicies'>): NetworkPolicy | undefined {
  const key = (p: { namespace: string; name: string }) => `${p.namespace}/${p.name}`;
  const inline = [...cluster.networkPolicies].sort((a, b) => Number(a.origin[3]) - Number(b.origin[3]))[0];
  const model = cluster.policyModel.networkPolicies;
  return inline ? model.find((p) => key(p) === key(inline)) : model[0];
}
