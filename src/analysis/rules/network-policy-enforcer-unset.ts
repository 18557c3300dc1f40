// Rule: a cluster with NetworkPolicies says what enforces them (`cni.policy`); flannel alone enforces none.
import type { AnalysisRule } from '../analysis-rule.js';
import { firstPolicy } from '../../ir/network-policy-enforcer.js';

export const networkPolicyEnforcerUnset: AnalysisRule = {
  code: 'network-policy-enforcer-unset',
  severity: 'error',
  summary: 'A cluster has NetworkPolicies but its `cni.policy` does not say what enforces them.',
  docs:
    'flannel does not enforce NetworkPolicies, and a NetworkPolicy without an enforcing controller has no effect. ' +
    'A cluster that declares policies (inline or in its manifests) must therefore name its enforcer: ' +
    '`cni.policy: kube-network-policies` makes the outputs deploy the kubernetes-sigs agent (as flannel\'s chart does ' +
    'with `netpol.enabled`) and the analysis evaluate the policies; `cni.policy: none` declares them documents, which ' +
    'is then reported as network-policy-unenforced. Until the spec says, the outputs deploy no enforcer and every path ' +
    'treats the policies as absent, which is what a deployment of those outputs does. Reported at the cluster\'s `cni`.',
  check(ctx) {
    for (const cluster of ctx.ir.clusters) {
      if (cluster.cni.policy !== undefined) continue;
      const first = firstPolicy(cluster);
      if (!first) continue;
      const spec = ctx.spec.clusters?.[Number(cluster.origin[1])];
      const at = spec?.cni ? [...cluster.origin, 'cni'] : cluster.origin;
      ctx.report(
        at,
        `cluster ${cluster.name} has ${cluster.policyModel.networkPolicies.length === 1 ? 'a NetworkPolicy' : `${cluster.policyModel.networkPolicies.length} NetworkPolicies`} but cni.policy does not say what enforces them; flannel enforces none, so they filter nothing`,
        {
          related: [{ at: first.location, message: `NetworkPolicy ${first.namespace}/${first.name}` }],
          hint: 'set cni.policy: kube-network-policies to deploy an enforcer, or cni.policy: none to keep the policies as documents',
        },
      );
    }
  },
};
