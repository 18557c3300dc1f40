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
 * collected once per class (through a lazily filled row over destination classes) and shared by its
 * workloads. Every class has a workload, so these lists never outgrow the output.
 */
function listConnections(analysis: PolicyAnalysis, workloads: readonly WorkloadPeer[]): Connection[] {
  const { table, behaviors } = analysis;
  const behaviorCount = behaviors.representatives.length;
  const behaviorOf = (peer: WorkloadPeer): number => behaviors.behaviorOfClass[peer.podClass]!;
  // External sources are cut by ingress ipBlocks, external destinations by egress ones.
  const sources: Peer[] = [...externalPeers(analysis.sources.ranges), ...workloads].sort(byLabel);
  const destinations: Peer[] = [...externalPeers(analysis.destinations.ranges), ...workloads].sort(byLabel);

  // Per source behaviour: indexes of reachable destinations, and what each allows.
  const reachableIndexes: (Int32Array | undefined)[] = new Array(behaviorCount);
  const reachableSets: (ConnectionSet[] | undefined)[] = new Array(behaviorCount);
  const row = new Int32Array(behaviorCount);
  for (const src of workloads) {
    const s = behaviorOf(src);
    if (reachableIndexes[s]) continue;
    const srcClass = behaviors.representatives[s]!;
    row.fill(-1);
    const indexes: number[] = [];
    const sets: ConnectionSet[] = [];
    destinations.forEach((dst, j) => {
      let id: number;
      if (dst.type === 'external') id = analysis.podToExternal(srcClass, dst.rangeIndex);
      else {
        const d = behaviorOf(dst);
        id = row[d]!;
        if (id < 0) row[d] = id = analysis.podToPod(srcClass, behaviors.representatives[d]!);
      }
      if (id !== NONE) {
        indexes.push(j);
        sets.push(table.get(id));
      }
    });
    reachableIndexes[s] = Int32Array.from(indexes);
    reachableSets[s] = sets;
  }

  const out: Connection[] = [];
  for (const src of sources) {
    if (src.type === 'external') {
      for (const dst of destinations) {
        if (dst.type !== 'workload') continue;
        const id = analysis.externalToPod(src.rangeIndex, dst.podClass);
        if (id !== NONE) out.push({ src, dst, connections: table.get(id) });
      }
      continue;
    }
    const s = behaviorOf(src);
    const indexes = reachableIndexes[s]!;
    const sets = reachableSets[s]!;
    for (let k = 0; k < indexes.length; k++) {
      const dst = destinations[indexes[k]!]!;
      // A workload's connections to itself are not listed.
      if (dst !== src) out.push({ src, dst, connections: sets[k]! });
    }
  }
  return out;
}
