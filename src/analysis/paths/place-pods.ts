// Where each pod of a cluster's policy model runs and its address: the spec's placements, then imported pods placed deterministically.
import type { ClusterIR } from '../../ir/cluster-ir.js';
import { formatAddress, parseAddress } from '../../ir/ipv4.js';
import { naturalCompare } from '../../ir/natural-order.js';

export interface PodPlace {
  readonly node: string;
  readonly ip: string;
}

const cache = new WeakMap<ClusterIR, readonly (PodPlace | undefined)[]>();

/**
 * Spec workloads carry their node and address. Imported pods keep a `podIP` when the manifest has one; otherwise
 * they go round-robin over the nodes in name order and take addresses from the top of the node's pod subnet down,
 * so they never collide with the spec's pods, which count up from the bridge address.
 */
export function placePods(cluster: ClusterIR): readonly (PodPlace | undefined)[] {
  const cached = cache.get(cluster);
  if (cached) return cached;
  const spec = new Map<string, PodPlace>();
  for (const w of cluster.workloads) for (const p of w.pods) if (p.ip) spec.set(`${w.namespace}/${w.kind === 'Pod' ? w.name : p.name}`, { node: p.node, ip: p.ip });
  const nodes = cluster.nodes;
  const nextDown = new Map<string, number>();
  const order = cluster.policyModel.pods.map((pod, i) => ({ pod, i })).sort((a, b) => naturalCompare(`${a.pod.namespace}/${a.pod.name}`, `${b.pod.namespace}/${b.pod.name}`));
  const out: (PodPlace | undefined)[] = new Array(cluster.policyModel.pods.length);
  let turn = 0;
  for (const { pod, i } of order) {
    const known = spec.get(`${pod.namespace}/${pod.name}`);
    if (known) {
      out[i] = known;
      continue;
    }
    const node = nodes[turn++ % Math.max(1, nodes.length)];
    if (!node) continue;
    if (pod.hostNetwork) {
      out[i] = { node: node.name, ip: node.address };
      continue;
    }
    const [base, len] = node.podSubnet.split('/');
    const top = (parseAddress(base ?? '') ?? 0) + 2 ** (32 - Number(len)) - 2;
    const n = nextDown.get(node.name) ?? 0;
    nextDown.set(node.name, n + 1);
    out[i] = { node: node.name, ip: pod.podIPs[0] ?? formatAddress(top - n) };
  }
  cache.set(cluster, out);
  return out;
}
