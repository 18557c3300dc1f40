// Rule: a cluster declares NetworkPolicies and `cni.policy: none`: nothing the outputs deploy enforces them.
import type { AnalysisRule } from '../analysis-rule.js';
import { firstPolicy } from '../../ir/network-policy-enforcer.js';

export const networkPolicyUnenforced: AnalysisRule = {
  code: 'network-policy-unenforced',
  severity: 'error',
  summary: 'A cluster with `cni.policy: none` declares NetworkPolicies, which nothing enforces.',
  docs:
    'With `cni.policy: none` the cluster runs flannel alone, which enforces no NetworkPolicy, so the policies are ' +
    'documents, not filters: paths and intents treat them as absent, and every pod reaches and is reached as if they ' +
    'did not exist. Reported once per cluster at its first policy (inline in the spec, else in its manifest), so the ' +
    'outputs can still be compiled and stood up in the lab, where the traffic the policies were meant to stop gets ' +
    'through. Fix: set `cni.policy: kube-network-policies` to deploy an enforcer, or remove the policies.',
  check(ctx) {
    for (const cluster of ctx.ir.clusters) {
      if (cluster.cni.policy !== 'none') continue;
      const first = firstPolicy(cluster);
      if (!first) continue;
      const count = cluster.policyModel.networkPolicies.length;
      ctx.report(first.location, `NetworkPolicy ${first.namespace}/${first.name}${count > 1 ? ` (and ${count - 1} more)` : ''} is not enforced: cluster ${cluster.name} has cni.policy: none and flannel enforces no NetworkPolicy`, {
        related: [{ at: [...cluster.origin, 'cni', 'policy'], message: 'no enforcer declared here' }],
        hint: 'set cni.policy: kube-network-policies to deploy an enforcer, or remove the policies',
      });
    }
  },
};
