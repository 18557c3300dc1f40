// Lists allowed connections between workloads and external address ranges, in the oracle's order.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatIpv4Range } from '../k8s/ipv4-cidr.js';
import type { Ipv4Range, K8sObjects } from '../k8s/k8s-objects.js';
import type { ConnectionSet } from './connection-set.js';
import { type ConnectionId, NONE } from './connection-table.js';
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

/** The destinations one source reaches: positions in the sorted destination list, ascending, and what each allows. */
interface Reach {
  readonly positions: Int32Array;
  readonly sets: readonly ConnectionSet[];
}

/**
 * Sources go in label order and each one's destinations in label order, so the result needs no sorting.
 * What a peer may reach depends only on its behaviour class (or address group), so it is computed once per
 * class, from the candidates the policies name rather than every pair, and expanded to the positions of the
 * reached classes' workloads. Every memoised class has a source, so the memo never outgrows the output.
 */
function listConnections(analysis: PolicyAnalysis, workloads: readonly WorkloadPeer[]): Connection[] {
  const { table, behaviors } = analysis;
  const behaviorCount = behaviors.representatives.length;
  const behaviorOf = (peer: WorkloadPeer): number => behaviors.behaviorOfClass[peer.podClass]!;
  // External sources are cut by ingress ipBlocks, external destinations by egress ones.
  const sources: Peer[] = [...externalPeers(analysis.sources.ranges), ...workloads].sort(byLabel);
  const destinations: Peer[] = [...externalPeers(analysis.destinations.ranges), ...workloads].sort(byLabel);

  const workloadPositions: number[][] = Array.from({ length: behaviorCount }, () => []);
  const rangePositions: number[][] = Array.from({ length: analysis.destinations.groupCount }, () => []);
  destinations.forEach((dst, j) => {
    if (dst.type === 'workload') workloadPositions[behaviorOf(dst)]!.push(j);
    else rangePositions[analysis.destinations.groupOfRange[dst.rangeIndex]!]!.push(j);
  });

  const idAt = new Int32Array(destinations.length);
  const reach = (each: (mark: (d: number, id: ConnectionId) => void) => void, toGroup?: (g: number) => ConnectionId): Reach => {
    const hits: number[] = [];
    const markPositions = (positions: readonly number[], id: ConnectionId): void => {
      if (id === NONE) return;
      for (const j of positions) {
        idAt[j] = id;
        hits.push(j);
      }
    };
    each((d, id) => markPositions(workloadPositions[d]!, id));
    if (toGroup) rangePositions.forEach((positions, g) => markPositions(positions, toGroup(g)));
    const positions = Int32Array.from(hits).sort();
    return { positions, sets: Array.from(positions, (j) => table.get(idAt[j]!)) };
  };
  const everyBehavior = (valueOf: (d: number) => ConnectionId) => (mark: (d: number, id: ConnectionId) => void): void => {
    for (let d = 0; d < behaviorCount; d++) mark(d, valueOf(d));
  };

  const fromBehavior = new Map<number, Reach>();
  const fromGroup = new Map<number, Reach>();
  const out: Connection[] = [];
  for (const src of sources) {
    let reached: Reach | undefined;
    if (src.type === 'external') {
      const g = analysis.sources.groupOfRange[src.rangeIndex]!;
      reached = fromGroup.get(g);
      if (!reached) fromGroup.set(g, (reached = reach(everyBehavior((d) => analysis.groupToBehavior(g, d)))));
    } else {
      const s = behaviorOf(src);
      reached = fromBehavior.get(s);
      if (!reached) fromBehavior.set(s, (reached = reach((mark) => analysis.forEachReachable(s, mark), (g) => analysis.behaviorToGroup(s, g))));
    }
    const { positions, sets } = reached;
    for (let k = 0; k < positions.length; k++) {
      const dst = destinations[positions[k]!]!;
      // A workload's connections to itself are not listed.
      if (dst !== src) out.push({ src, dst, connections: sets[k]! });
    }
  }
  return out;
}
