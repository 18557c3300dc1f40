// Rule: egress-isolated pods can still reach the cluster DNS (k8s-app: kube-dns) on UDP 53 and TCP 53.
import type { Location } from '../../diagnostics/diagnostic.js';
import type { K8sObjects, K8sPod } from '../../k8s/k8s-objects.js';
import type { AnalysisRule } from '../analysis-rule.js';
import { compilePolicies } from '../../policy/compiled-policies.js';
import { ConnectionTable } from '../../policy/connection-table.js';
import { buildPodClasses } from '../../policy/pod-classes.js';
import type { PortSet } from '../../policy/port-set.js';
import { resolveRulePorts } from '../../policy/rule-ports.js';
import { listSome } from '../finding-text.js';

const NOWHERE: Location = { file: '', line: 0, column: 0, endLine: 0, endColumn: 0 };
const isDnsPod = (pod: K8sPod): boolean => !pod.hostNetwork && pod.labels['k8s-app'] === 'kube-dns';
const has53 = (ports: PortSet): boolean => ports.some((first, i) => i % 2 === 0 && first <= 53 && 53 <= ports[i + 1]!);
const pod = (namespace: string, name: string, labels: K8sPod['labels'], containerPorts: K8sPod['containerPorts'] = []): K8sPod =>
  ({ namespace, name, labels, containerPorts, hostNetwork: false, podIPs: [], location: NOWHERE });

/** CoreDNS as kubeadm deploys it, standing in when the model has no DNS pod: what the policies must let pods reach. */
const STOCK_DNS = pod('kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, [
  { name: 'dns', containerPort: 53, protocol: 'UDP' },
  { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
  { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
]);

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
      const model = cluster.policyModel;
      if (!model.networkPolicies.some((p) => p.policyTypes.includes('Egress'))) continue;
      // Namespaces without pods get a label-less probe pod: the pods they will run meet the same namespace-wide policies.
      const populated = new Set(model.pods.map((p) => p.namespace));
      const probes = cluster.namespaces.filter((n) => !populated.has(n.name)).map((n) => pod(n.name, '', {}));
      const stock = model.pods.some(isDnsPod) ? [] : [STOCK_DNS];
      const objects: K8sObjects = { ...model, pods: [...model.pods, ...stock, ...probes] };
      for (const finding of blockedNamespaces(objects)) {
        const { namespace, udp, workloads, policies } = finding;
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

interface BlockedNamespace {
  readonly namespace: string;
  /** UDP 53 is blocked (else only TCP 53 is). */
  readonly udp: boolean;
  readonly workloads: string[];
  readonly policies: K8sObjects['networkPolicies'][number][];
}

/** Per pod class, the DNS ports its egress policies allow to some DNS pod; one verdict per distinct set of policies. */
function blockedNamespaces(objects: K8sObjects): BlockedNamespace[] {
  const pods = buildPodClasses(objects, { keyHostIP: false });
  const table = new ConnectionTable();
  const compiled = compilePolicies(objects.networkPolicies, pods, table, { hostNetworkUnselectable: true });
  const firstPod: K8sPod[] = [];
  objects.pods.forEach((p, i) => (firstPod[pods.classOfPod[i]!] ??= p));
  const dns = new Set(objects.pods.flatMap((p, i) => (isDnsPod(p) ? [pods.classOfPod[i]!] : [])));
  const dnsOfPeer = new Map<number, number[]>();
  const dnsMatchedBy = (peer: number): number[] => {
    let found = dnsOfPeer.get(peer);
    if (!found) dnsOfPeer.set(peer, (found = Array.from(compiled.selectorPeerClasses[peer]!).filter((c) => dns.has(c))));
    return found;
  };
  const verdicts = new Map<string, { udp: boolean; tcp: boolean }>();
  const verdictOf = (policies: readonly number[]): { udp: boolean; tcp: boolean } => {
    const verdict = { udp: false, tcp: false };
    for (const rule of policies.flatMap((p) => compiled.policies[p]!.egress)) {
      const targets = rule.all ? [...dns] : [...new Set(rule.selectorPeers.flatMap(dnsMatchedBy))];
      for (const d of targets) {
        const allowed = table.get(resolveRulePorts(compiled.rulePorts[rule.ports]!, pods.classes[d]!.namedPorts, table));
        verdict.udp ||= has53(allowed.UDP);
        verdict.tcp ||= has53(allowed.TCP);
      }
    }
    return verdict;
  };
  const out: BlockedNamespace[] = [];
  for (const [namespace, classes] of pods.classesByNamespace) {
    let udp = false;
    const blocked: number[] = [];
    for (const c of classes) {
      const egress = compiled.egressPolicies[c]!;
      if (egress.length === 0 || dns.has(c)) continue;
      const key = egress.join(',');
      let verdict = verdicts.get(key);
      if (!verdict) verdicts.set(key, (verdict = verdictOf(egress)));
      if (verdict.udp && verdict.tcp) continue;
      udp ||= !verdict.udp;
      blocked.push(c);
    }
    // Name the classes that decide the severity: those without UDP 53 when there are any.
    const shown = blocked.filter((c) => !udp || !verdicts.get(compiled.egressPolicies[c]!.join(','))!.udp);
    if (shown.length === 0) continue;
    const workloads = [...new Set(shown.map((c) => firstPod[c]!).map((p) => (p.name === '' ? 'any pod it will run' : (p.owner?.name ?? p.name))))];
    const policies = [...new Set(shown.flatMap((c) => compiled.egressPolicies[c]!))].map((p) => compiled.policies[p]!.source);
    out.push({ namespace, udp, workloads, policies });
  }
  return out;
}
