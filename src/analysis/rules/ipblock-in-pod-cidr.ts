// Rule: NetworkPolicy ipBlocks do not point into the cluster's own pod CIDR, where selectors are what match.
import type { PolicyRule } from '../../k8s/k8s-objects.js';
import type { AnalysisRule } from '../analysis-rule.js';
import { parsePrefix } from '../../ir/ipv4.js';

export const ipblockInPodCidr: AnalysisRule = {
  code: 'ipblock-in-pod-cidr',
  severity: 'warning',
  summary: 'A NetworkPolicy ipBlock lies inside the cluster\'s pod CIDR.',
  docs:
    'ipBlocks are meant for addresses outside the cluster: upstream semantics leave it to the CNI whether they match ' +
    'pod traffic at all, pod addresses change with every reschedule, and thrice (like the reference analyzer) lets ' +
    'only pod and namespace selectors match pods. An ipBlock inside the pod CIDR therefore either matches nothing or ' +
    'matches whichever pods happen to hold those addresses today; it also tempts readers to believe a node\'s pod ' +
    'subnet is a stable group. Blocks that merely contain the whole pod CIDR (such as 0.0.0.0/0) are not reported. ' +
    'Fix: select the pods with `podSelector` and `namespaceSelector` instead, and exclude the pod CIDR from wide ' +
    'blocks with `except`.',
  check(ctx) {
    for (const cluster of ctx.ir.clusters) {
      const pods = parsePrefix(cluster.podCidr);
      if (!pods) continue;
      const last = pods.base + pods.size - 1;
      const inspect = (rules: readonly PolicyRule[], policy: string): void => {
        for (const rule of rules) {
          if (rule.peers === 'all') continue;
          for (const peer of rule.peers) {
            if (peer.type !== 'ipBlock' || peer.cidr.first < pods.base || peer.cidr.last > last) continue;
            ctx.report(peer.location, `ipBlock ${peer.text} in NetworkPolicy ${policy} lies inside the pod CIDR ${cluster.podCidr} of cluster ${cluster.name}: ipBlocks are for addresses outside the cluster, so it does not reliably match pods`, {
              hint: 'select the pods with podSelector (and namespaceSelector) instead',
            });
          }
        }
      };
      for (const policy of cluster.policyModel.networkPolicies) {
        inspect(policy.ingress, `${policy.namespace}/${policy.name}`);
        inspect(policy.egress, `${policy.namespace}/${policy.name}`);
      }
    }
  },
};
