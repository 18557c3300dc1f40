// Lists allowed connections between workloads and external address ranges, in the oracle's order.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatIpv4Range } from '../k8s/ipv4-cidr.js';
import type { Ipv4Range, K8sObjects } from '../k8s/k8s-objects.js';
import type { ConnectionSet } from './connection-set.js';
import { NONE } from './connection-table.js';
import { type PolicyAnalysis, type PolicyEngineOptions, analyzePolicies } from './policy-engine.js';
import { type WorkloadPeer, workloadPeers } from './workload-peers.js';

export interface ExternalPeer {
  readonly type: 'external';
  readonly range: Ipv4Range;
  /** `first-last[External]`. */
  readonly label: string;
  /** Index into the analysis' sources or destinations ranges. */
  readonly rangeIndex: number;
}

export type Peer = WorkloadPeer | ExternalPeer;

export interface Connection {
  readonly src: Peer;
  readonly dst: Peer;
  readonly connections: ConnectionSet;
}

export interface Connectivity {
  /** Sorted by source label, then destination label; never a workload to itself, never address to address. */
  readonly connections: readonly Connection[];
  readonly analysis: PolicyAnalysis;
  readonly diagnostics: readonly Diagnostic[];
}

const byLabel = (a: Peer, b: Peer): number => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);

function externalPeers(ranges: readonly Ipv4Range[]): ExternalPeer[] {
  return ranges.map((range, rangeIndex) => ({ type: 'external', range, label: `${formatIpv4Range(range)}[External]`, rangeIndex }));
}

export function computeConnectivity(objects: K8sObjects, options: PolicyEngineOptions = {}): Connectivity {
  const analysis = analyzePolicies(objects, options);
  const { peers: workloads, diagnostics } = workloadPeers(objects, analysis);
  // Without pods there is nothing to connect (the oracle then lists nothing, not even address ranges).
  const connections = workloads.length === 0 ? [] : listConnections(analysis, workloads);
  return { connections, analysis, diagnostics: [...analysis.diagnostics, ...diagnostics] };
}

/**
 * Sources go in label order and each one's destinations in label order, so the result needs no sorting.
 * What a workload may reach depends only on its behaviour class, so the reachable destinations are
 * collected once per class (through a lazily filled row over destination classes) and shared by its workloads.
 */
function listConnections(analysis: PolicyAnalysis, workloads: readonly WorkloadPeer[]): Connection[] {
  const { table, behaviors } = analysis;
  const behaviorOf = (peer: WorkloadPeer): number => behaviors.behaviorOfClass[peer.podClass]!;
  // External sources are cut by ingress ipBlocks, external destinations by egress ones.
  const sources: Peer[] = [...externalPeers(analysis.sources.ranges), ...workloads].sort(byLabel);
  const destinations: Peer[] = [...externalPeers(analysis.destinations.ranges), ...workloads].sort(byLabel);
  const dstBehavior = Int32Array.from(destinations, (d) => (d.type === 'workload' ? behaviorOf(d) : -1));
  const perSource: Connection[][] = sources.map(() => []);
  const add = (out: Connection[], src: Peer, dst: Peer, id: number): void => {
    if (id !== NONE) out.push({ src, dst, connections: table.get(id) });
  };

  const bySourceBehavior = new Map<number, number[]>();
  sources.forEach((src, i) => {
    if (src.type === 'external') {
      const out = perSource[i]!;
      for (const dst of destinations) {
        if (dst.type === 'workload') add(out, src, dst, analysis.externalToPod(src.rangeIndex, dst.podClass));
      }
      return;
    }
    const b = behaviorOf(src);
    let list = bySourceBehavior.get(b);
    if (!list) bySourceBehavior.set(b, (list = []));
    list.push(i);
  });

  // Destination index of each workload, to leave out a workload's connections to itself.
  const destinationIndex = new Map<string, number>(destinations.map((d, j) => [d.label, j]));
  const row = new Int32Array(behaviors.representatives.length);
  for (const [s, indexes] of bySourceBehavior) {
    const srcClass = behaviors.representatives[s]!;
    row.fill(-1);
    // Every source of this class reaches the same destinations: collect them once, as (index, id) pairs.
    const reachable: number[] = [];
    destinations.forEach((dst, j) => {
      let id: number;
      if (dst.type === 'external') id = analysis.podToExternal(srcClass, dst.rangeIndex);
      else {
        const d = dstBehavior[j]!;
        id = row[d]!;
        if (id < 0) row[d] = id = analysis.podToPod(srcClass, behaviors.representatives[d]!);
      }
      if (id !== NONE) reachable.push(j, id);
    });
    for (const i of indexes) {
      const src = sources[i]!;
      const self = destinationIndex.get(src.label);
      const out = perSource[i]!;
      for (let k = 0; k < reachable.length; k += 2) {
        if (reachable[k] !== self) out.push({ src, dst: destinations[reachable[k]!]!, connections: table.get(reachable[k + 1]!) });
      }
    }
  }
  return perSource.flat();
}
