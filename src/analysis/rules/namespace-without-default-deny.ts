// Rule: every namespace of a cluster has a NetworkPolicy isolating all its pods, for ingress and for egress.
import type { NetworkPolicy, PolicyType } from '../../k8s/k8s-objects.js';
import type { AnalysisRule } from '../analysis-rule.js';
import { isEmptySelector } from '../../policy/selector-matcher.js';
import { namespacePlaces } from '../cluster-places.js';

const DIRECTIONS: readonly PolicyType[] = ['Ingress', 'Egress'];
const OPEN: Readonly<Record<PolicyType, string>> = {
  Ingress: 'its pods that no policy selects accept connections from anywhere',
  Egress: 'its pods that no policy selects may connect anywhere',
};

/** Selects every pod for `direction` and does not hand it all back with an allow-everything rule. */
function deniesByDefault(policy: NetworkPolicy, direction: PolicyType): boolean {
  if (!isEmptySelector(policy.podSelector) || !policy.policyTypes.includes(direction)) return false;
  const rules = direction === 'Ingress' ? policy.ingress : policy.egress;
  return !rules.some((r) => r.peers === 'all' && r.ports.length === 0);
}

export const namespaceWithoutDefaultDeny: AnalysisRule = {
  code: 'namespace-without-default-deny',
  severity: 'warning',
  summary: 'A namespace has no NetworkPolicy that isolates all its pods, for ingress or for egress.',
  docs:
    'Kubernetes allows all traffic to and from a pod until some NetworkPolicy selects it, so a namespace without a ' +
    'default-deny policy (`podSelector: {}` with `policyTypes: [Ingress]`, and one with `Egress`) is open to every pod of ' +
    'the cluster, to every node and, through the node overlay, to whatever the VPC security groups and fabric firewalls ' +
    'let reach the node VMs. Those outer filters only ever see the flannel or VPC header, so they cannot stand in for ' +
    'pod-level isolation. Each direction is reported separately. Namespaces whose only pods use the host network are ' +
    'skipped: policies do not apply to them at all (see host-network-workload). Fix: add a policy selecting all pods of ' +
    'the namespace for the missing direction, then allow what the workloads need (and DNS for egress).',
  check(ctx) {
    for (const cluster of ctx.ir.clusters) {
      const denied = new Map<PolicyType, Set<string>>(DIRECTIONS.map((d) => [d, new Set()]));
      for (const policy of cluster.policyModel.networkPolicies) {
        for (const d of DIRECTIONS) if (deniesByDefault(policy, d)) denied.get(d)!.add(policy.namespace);
      }
      // Namespaces with pods, all on the host network: policies cannot isolate them, so default-deny means nothing there.
      const podNetwork = new Set<string>();
      const hostOnly = new Set<string>();
      for (const pod of cluster.policyModel.pods) (pod.hostNetwork ? hostOnly : podNetwork).add(pod.namespace);
      const places = namespacePlaces(cluster, ctx.spec);
      for (const ns of cluster.namespaces) {
        if (hostOnly.has(ns.name) && !podNetwork.has(ns.name)) continue;
        for (const d of DIRECTIONS) {
          if (denied.get(d)!.has(ns.name)) continue;
          ctx.report(places.get(ns.name) ?? cluster.origin, `namespace ${ns.name} of cluster ${cluster.name} has no default-deny NetworkPolicy for ${d}: ${OPEN[d]}`, {
            hint: `add a NetworkPolicy in ${ns.name} with podSelector: {} and policyTypes: [${d}], then allow what its pods need`,
          });
        }
      }
    }
  },
};
