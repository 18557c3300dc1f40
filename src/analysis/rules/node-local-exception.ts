// Rule: a hostNetwork workload shares nodes with pods of an ingress-isolated namespace: node-local traffic is always allowed.
import type { AnalysisRule } from '../analysis-rule.js';
import { compileSelector } from '../../policy/selector-matcher.js';
import { listSome } from '../finding-text.js';
import { enforcesNetworkPolicies } from '../../ir/network-policy-enforcer.js';

export const nodeLocalException: AnalysisRule = {
  code: 'node-local-exception',
  severity: 'warning',
  summary: 'A hostNetwork workload can reach pods on its node whatever their ingress policies say.',
  docs:
    'Kubernetes lets traffic from a node to the pods running on it through regardless of NetworkPolicy (the kubelet ' +
    'needs it for probes). kube-network-policies, the enforcer `cni.policy: kube-network-policies` deploys, does it by ' +
    'accepting every packet a root-owned socket of the node sends (`meta skuid 0 accept`) before judging any, and it ' +
    'cannot tell a hostNetwork pod from the node. So a hostNetwork workload reaches every pod on its own node even in ' +
    'a namespace with a default-deny ingress policy (pods on other nodes are judged: there the packet is forwarded, ' +
    'from the sending node\'s overlay address). Only clusters with that enforcer are checked: without one no policy ' +
    'filters anything (network-policy-unenforced). Fix: avoid hostNetwork for workloads that do not need it, keep ' +
    "sensitive pods off the nodes where such workloads run, or filter on the nodes' addresses.",
  check(ctx) {
    for (const cluster of ctx.ir.clusters) {
      // Without an enforcer nothing is isolated, so there is no exception to point out.
      if (!enforcesNetworkPolicies(cluster)) continue;
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
