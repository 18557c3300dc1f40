// Rule: a hostNetwork workload shares nodes with pods of an ingress-isolated namespace: node-local traffic is always allowed.
import type { AnalysisRule } from '../analysis-rule.js';
import { compileSelector } from '../../policy/selector-matcher.js';
import { listSome } from '../finding-text.js';

export const nodeLocalException: AnalysisRule = {
  code: 'node-local-exception',
  severity: 'warning',
  summary: 'A hostNetwork workload can reach pods on its node whatever their ingress policies say.',
  docs:
    'Kubernetes lets traffic from a node to the pods running on it through regardless of NetworkPolicy (the kubelet ' +
    'needs it for probes), and most CNIs, flannel-based ones included, cannot tell a hostNetwork pod from the node. So a ' +
    'hostNetwork workload reaches every pod on its own node even in a namespace with a default-deny ingress policy, ' +
    'and pods in that namespace receive it. Fix: avoid hostNetwork for workloads that do not need it, keep sensitive ' +
    "pods off the nodes where such workloads run, or filter on the nodes' addresses.",
  check(ctx) {
    for (const cluster of ctx.ir.clusters) {
      const isolated = new Set(
        cluster.policyModel.networkPolicies.filter((p) => p.policyTypes.includes('Ingress')).map((p) => p.namespace),
      );
      const agents = cluster.workloads.filter((w) => w.hostNetwork);
      for (const agent of agents) {
        const nodes = new Set(agent.pods.map((p) => p.node));
        const exposed = cluster.workloads.filter(
          (w) =>
            !w.hostNetwork &&
            isolated.has(w.namespace) &&
            w.pods.some((p) => nodes.has(p.node)) &&
            cluster.policyModel.networkPolicies.some((p) => p.namespace === w.namespace && p.policyTypes.includes('Ingress') && compileSelector(p.podSelector)(w.labels)),
        );
        if (exposed.length === 0) continue;
        ctx.report([...agent.origin, 'hostNetwork'], `hostNetwork workload ${agent.namespace}/${agent.name} reaches ${listSome(exposed.map((w) => `${w.namespace}/${w.name}`))} on shared nodes despite their ingress policies (node-local traffic is always allowed)`);
      }
    }
  },
};
