// Rule: workloads and imported pods on the host network escape NetworkPolicy and leave with the node's address.
import type { Labels, NetworkPolicy } from '../../k8s/k8s-objects.js';
import type { AnalysisRule, FindingPlace } from '../analysis-rule.js';
import { compileSelector } from '../../policy/selector-matcher.js';
import { isImported } from '../cluster-places.js';

const WHY =
  'NetworkPolicies never select it, pod selectors never match it, and its traffic carries the node VM address, so only the security groups and firewalls that see that address filter it';

export const hostNetworkWorkload: AnalysisRule = {
  code: 'host-network-workload',
  severity: 'warning',
  summary: 'A workload or pod uses the host network, where NetworkPolicies do not apply.',
  docs:
    'A pod with `hostNetwork: true` shares its node\'s network namespace: it has the node VM\'s VPC address, not a pod ' +
    'address. NetworkPolicies do not select it, and selectors in other policies do not match it, so neither its ingress ' +
    'nor its egress is limited by pod-level policy; a policy whose podSelector matches its labels silently does not apply. ' +
    'Its traffic leaves with the node\'s address, outside the flannel overlay, so every filter on the path (security ' +
    'groups, host and VM firewalls) sees it as node traffic and any rule granting the node also grants this pod. ' +
    'Fix: drop hostNetwork where the workload does not need the node\'s stack, or restrict it with security group and ' +
    'firewall rules on the node addresses. Reported for the spec\'s workloads and for imported Pods and controllers.',
  check(ctx) {
    for (const cluster of ctx.ir.clusters) {
      const byNamespace = new Map<string, NetworkPolicy[]>();
      for (const p of cluster.policyModel.networkPolicies) {
        const list = byNamespace.get(p.namespace);
        if (list) list.push(p);
        else byNamespace.set(p.namespace, [p]);
      }
      const selectingPolicies = (namespace: string, labels: Labels) => policiesSelecting(byNamespace.get(namespace) ?? [], labels);
      for (const w of cluster.workloads) {
        if (!w.hostNetwork) continue;
        const related = selectingPolicies(w.namespace, w.labels);
        ctx.report([...w.origin, 'hostNetwork'], `workload ${w.namespace}/${w.name} (${w.kind}) uses the host network: ${WHY}`, { related });
      }
      // Pods of one imported controller share its location: report each controller (or bare pod) once.
      const seen = new Set<string>();
      for (const pod of cluster.policyModel.pods) {
        if (!pod.hostNetwork || !isImported(cluster, pod.location)) continue;
        const { file, line, column } = pod.location;
        if (seen.has(`${file}:${line}:${column}`)) continue;
        seen.add(`${file}:${line}:${column}`);
        const name = pod.owner ? `${pod.owner.kind || 'controller'} ${pod.namespace}/${pod.owner.name}` : `pod ${pod.namespace}/${pod.name}`;
        ctx.report(pod.location, `${name} uses the host network: ${WHY}`, { related: selectingPolicies(pod.namespace, pod.labels) });
      }
    }
  },
};

/** Policies of the namespace whose podSelector matches these labels: written for the workload, yet never applied. */
function policiesSelecting(policies: readonly NetworkPolicy[], labels: Labels): { at: FindingPlace; message: string }[] {
  return policies
    .filter((p) => compileSelector(p.podSelector)(labels))
    .map((p) => ({ at: p.location, message: `NetworkPolicy ${p.namespace}/${p.name} selects these labels but does not apply to host-network pods` }));
}
