// Which egress-isolated pods of a cluster cannot reach the cluster DNS (k8s-app: kube-dns) on UDP 53 or TCP 53.
import type { Location } from '../diagnostics/diagnostic.js';
import type { ClusterIR } from '../ir/cluster-ir.js';
import type { K8sObjects, K8sPod, NetworkPolicy } from '../k8s/k8s-objects.js';
import { compilePolicies } from '../policy/compiled-policies.js';
import { ConnectionTable } from '../policy/connection-table.js';
import { buildPodClasses } from '../policy/pod-classes.js';
import type { PortSet } from '../policy/port-set.js';
import { resolveRulePorts } from '../policy/rule-ports.js';

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

export interface DnsGap {
  readonly namespace: string;
  /** UDP 53 is blocked for some pods (else only TCP 53 is); `workloads` and `policies` are those of the worse gap. */
  readonly udp: boolean;
  /** Owners (or pod names) of the blocked pods; `any pod it will run` for a namespace without pods. */
  readonly workloads: readonly string[];
  /** The policies isolating those pods for egress, the first being the one to fix. */
  readonly policies: readonly NetworkPolicy[];
}

/**
 * Per namespace, the egress-isolated pods no egress rule lets reach a DNS pod on port 53, with the engine's own
 * pod classes and policy compilation (hostNetwork pods unselectable), so the cost is one selection pass.
 * Namespaces without pods get a label-less probe pod: the pods they will run meet the same namespace-wide policies.
 */
export function dnsGaps(cluster: ClusterIR): DnsGap[] {
  const model = cluster.policyModel;
  if (!model.networkPolicies.some((p) => p.policyTypes.includes('Egress'))) return [];
  const populated = new Set(model.pods.map((p) => p.namespace));
  const probes = cluster.namespaces.filter((n) => !populated.has(n.name)).map((n) => pod(n.name, '', {}));
  const stock = model.pods.some(isDnsPod) ? [] : [STOCK_DNS];
  return gapsOf({ ...model, pods: [...model.pods, ...stock, ...probes] });
}

/** Per pod class, the DNS ports its egress policies allow to some DNS pod; one verdict per distinct set of policies. */
function gapsOf(objects: K8sObjects): DnsGap[] {
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
  const out: DnsGap[] = [];
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
