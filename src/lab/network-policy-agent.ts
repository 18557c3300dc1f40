// Stands in for kube-network-policies, the enforcer the outputs deploy: per pod, nftables rules from the policy reading the analysis uses.
import type { ClusterIR } from '../ir/cluster-ir.js';
import type { Ipv4Range, K8sPod } from '../k8s/k8s-objects.js';
import { formatIpv4 } from '../k8s/ipv4-cidr.js';
import { type FlowEnd, type PodFlowReader, podFlowReader } from '../policy/pod-flow.js';
import { ipBlockRanges, partitionAddressSpace } from '../policy/address-partition.js';
import { type ConnectionSet, isAllConnections } from '../policy/connection-set.js';
import { isAllPorts } from '../policy/port-set.js';
import type { PlannedPod } from './lab-plan-types.js';
import { placePods } from '../analysis/paths/place-pods.js';

export const NETPOL_TABLE = 'inet thrice_lab_netpol';

type Direction = 'Ingress' | 'Egress';

/**
 * The pod's ruleset, or undefined when no policy isolates it either way (or nothing enforces the cluster's policies:
 * the lab stands in only for an enforcer the outputs deploy, see lab-filters.ts). Pods of the lab are matched by address
 * first (as selectors would see them), every other address by the ranges the cluster's ipBlocks cut, so each
 * range meets every block whole. Rules sit in the pod's own namespace: egress on output, ingress on input,
 * stateful like every CNI's policy agent. A pod-to-pod flow meets both ends' rules, as on a cluster.
 */
export function networkPolicyRuleset(cluster: ClusterIR, labPods: readonly PlannedPod[], pod: PlannedPod): string | undefined {
  const reader = podFlowReader(cluster.policyModel, true);
  const self = cluster.policyModel.pods[pod.podIndex];
  if (!self) return undefined;
  const peers = labPods.filter((p) => p.cluster === cluster.name && p !== pod);
  const ranges = addressRanges(cluster);
  const node = ownNodeAddresses(cluster, pod);
  const chains = (['Egress', 'Ingress'] as const).flatMap((direction) => chain(reader, self, direction, peers, cluster, ranges, node));
  if (chains.length === 0) return undefined;
  return [
    `# NetworkPolicies of pod ${pod.namespace}/${pod.pod} (cluster ${cluster.name}), enforced by thrice lab in the pod's namespace`,
    '# in place of kube-network-policies: its own node passes both ways unjudged, as there (see ownNodeAddresses).',
    `table ${NETPOL_TABLE} {}`,
    `delete table ${NETPOL_TABLE}`,
    `table ${NETPOL_TABLE} {`,
    ...chains,
    '}',
    '',
  ].join('\n');
}

/**
 * The addresses the pod's own node talks to it from and is reached at: cni0's, the overlay device's and its VPC
 * address. kube-network-policies (v1.0.0) judges packets at the node's postrouting hook and first accepts what
 * root-owned sockets of the node send, so the node (the kubelet, hostNetwork pods) reaches its pods unjudged, and a
 * pod's packets to its node are delivered locally, never passing postrouting. Other nodes' traffic is judged: it
 * arrives forwarded, from their overlay address.
 */
function ownNodeAddresses(cluster: ClusterIR, pod: PlannedPod): string[] {
  const node = cluster.nodes.find((n) => n.name === placePods(cluster)[pod.podIndex]?.node);
  return node ? [node.bridgeAddress, node.vtepAddress, node.address].map((a) => a.split('/')[0] as string) : [];
}

function chain(
  reader: PodFlowReader,
  self: K8sPod,
  direction: Direction,
  peers: readonly PlannedPod[],
  cluster: ClusterIR,
  ranges: readonly Ipv4Range[],
  node: readonly string[],
): string[] {
  const probe: FlowEnd = { address: 0 };
  if (reader.direction(self, direction, probe, probe).isolatedBy.length === 0) return [];
  const field = direction === 'Egress' ? 'daddr' : 'saddr';
  const selfEnd: FlowEnd = { pod: self };
  const verdict = (peer: FlowEnd): ConnectionSet =>
    reader.direction(self, direction, peer, direction === 'Egress' ? peer : selfEnd).connections;
  const lines: string[] = [];
  for (const p of peers) {
    const other = cluster.policyModel.pods[p.podIndex];
    if (other) lines.push(...acceptLines(`ip ${field} ${p.address}`, verdict({ pod: other })));
  }
  const addressLines = ranges.flatMap((r) => {
    const match = r.first === 0 && r.last === 0xffffffff ? '' : `ip ${field} ${r.first === r.last ? formatIpv4(r.first) : `${formatIpv4(r.first)}-${formatIpv4(r.last)}`}`;
    return acceptLines(match, verdict({ address: r.first }));
  });
  // Pods are not addresses to their policies: a pod no rule above admits must not slip through an address range below.
  if (peers.length > 0 && addressLines.length > 0) lines.push(`ip ${field} { ${peers.map((p) => p.address).join(', ')} } drop`);
  lines.push(...addressLines);
  const hook = direction === 'Egress' ? 'output' : 'input';
  return [
    `\tchain ${direction.toLowerCase()} {`,
    `\t\ttype filter hook ${hook} priority filter; policy accept;`,
    '\t\tct state established,related accept',
    `\t\t${direction === 'Egress' ? 'oifname' : 'iifname'} "lo" accept`,
    ...(node.length > 0 ? [`\t\tip ${field} { ${node.join(', ')} } accept`] : []),
    ...lines.map((l) => `\t\t${l}`),
    '\t\tdrop',
    '\t}',
  ];
}

/** nft rules accepting a connection set for one match; ICMP only when everything is allowed, as NetworkPolicy ports cannot name it. */
function acceptLines(match: string, set: ConnectionSet): string[] {
  const prefix = match ? `${match} ` : '';
  if (isAllConnections(set)) return [`${prefix}accept`];
  return (['TCP', 'UDP', 'SCTP'] as const).flatMap((proto) => {
    const ports = set[proto];
    if (ports.length === 0) return [];
    const l4 = proto.toLowerCase();
    if (isAllPorts(ports)) return [`${prefix}meta l4proto ${l4} accept`];
    const items: string[] = [];
    for (let i = 0; i < ports.length; i += 2) items.push(ports[i] === ports[i + 1] ? `${ports[i]}` : `${ports[i]}-${ports[i + 1]}`);
    return [`${prefix}${l4} dport { ${items.join(', ')} } accept`];
  });
}

/** The address space cut at every ipBlock of the cluster's policies (with their excepts). */
function addressRanges(cluster: ClusterIR): Ipv4Range[] {
  const blocks: Ipv4Range[][] = [];
  for (const policy of cluster.policyModel.networkPolicies) {
    for (const rule of [...policy.ingress, ...policy.egress]) {
      if (rule.peers === 'all') continue;
      for (const peer of rule.peers) if (peer.type === 'ipBlock') blocks.push(ipBlockRanges(peer.cidr, peer.except));
    }
  }
  return partitionAddressSpace(blocks);
}
