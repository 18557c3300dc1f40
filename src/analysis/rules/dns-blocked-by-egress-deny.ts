// Rule: egress-isolated pods can still reach the cluster DNS (k8s-app: kube-dns) on UDP 53 and TCP 53.
import type { AnalysisRule } from '../analysis-rule.js';
import { dnsGaps } from '../dns-gaps.js';
import { listSome } from '../finding-text.js';

export const dnsBlockedByEgressDeny: AnalysisRule = {
  code: 'dns-blocked-by-egress-deny',
  severity: 'error',
  summary: 'Egress-isolated pods cannot reach the cluster DNS on port 53.',
  docs:
    'Once a NetworkPolicy selects a pod for Egress, the pod may only send what some egress rule allows, and name ' +
    'resolution is traffic too: UDP 53 (and TCP 53 for answers too large for UDP) to the kube-dns pods in kube-system. ' +
    'A default-deny egress policy without a DNS rule breaks every lookup, which shows up as timeouts far from the ' +
    'policy. Pods reach DNS through the service address, but policies see the packet after the service is translated ' +
    'to a DNS pod, so only rules whose peers select those pods count (or rules without `to`); an ipBlock covering the ' +
    'service or pod range does not, since ipBlocks are for addresses outside the cluster. When the cluster model has no ' +
    'pod labelled `k8s-app: kube-dns`, a stock CoreDNS pod in kube-system (named ports dns, dns-tcp) is assumed. ' +
    'Reported once per namespace: an error when UDP 53 is blocked, a warning when only TCP 53 is. Fix: add an egress ' +
    'rule to `namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}` with `podSelector: ' +
    '{matchLabels: {k8s-app: kube-dns}}` on UDP 53 and TCP 53.',
  check(ctx) {
    for (const cluster of ctx.ir.clusters) {
      // Declared documents (`cni.policy: none`): nothing enforces them, so they block nothing (network-policy-unenforced).
      if (cluster.cni.policy === 'none') continue;
      for (const { namespace, udp, workloads, policies } of dnsGaps(cluster)) {
        const names = listSome(workloads);
        const message = udp
          ? `pods of namespace ${namespace} (${names}) are egress-isolated and no egress rule lets them reach kube-dns on UDP 53: name resolution fails`
          : `pods of namespace ${namespace} (${names}) may reach kube-dns on UDP 53 but not on TCP 53: DNS answers too large for UDP fail`;
        const [first, ...others] = policies;
        ctx.report(first!.location, message, {
          severity: udp ? 'error' : 'warning',
          related: others.slice(0, 5).map((p) => ({ at: p.location, message: `NetworkPolicy ${p.namespace}/${p.name} also isolates them` })),
          hint: 'allow egress to namespaceSelector kubernetes.io/metadata.name: kube-system with podSelector k8s-app: kube-dns on UDP 53 and TCP 53',
        });
      }
    }
  },
};

