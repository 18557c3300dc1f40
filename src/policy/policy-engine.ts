// Evaluates NetworkPolicies over equivalence classes: allowed connections between pod classes and address ranges.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { K8sObjects } from '../k8s/k8s-objects.js';
import { type AddressSide, buildAddressSide } from './address-side.js';
import { type BehaviorClasses, buildBehaviorClasses } from './behavior-classes.js';
import { type CompiledRule, compilePolicies } from './compiled-policies.js';
import { ALL, type ConnectionId, ConnectionTable, NONE } from './connection-table.js';
import { hostAddressBlocks } from './host-address-blocks.js';
import { type PeerRow, PeerRowBuilder, rowValue } from './peer-row.js';
import { type PodClasses, buildPodClasses } from './pod-classes.js';
import { reachability } from './reachability.js';
import { resolveRulePorts } from './rule-ports.js';

export interface PolicyEngineOptions {
  /**
   * How host-network pods meet policies. `pod` (default): like any pod, as the oracle analyzer does.
   * `host`: as their node's address: no policy selects or isolates them, pod selectors do not match them,
   * and ipBlocks match them by `status.hostIP` when the manifest has one.
   */
  readonly hostNetwork?: 'pod' | 'host';
}

export interface PolicyAnalysis {
  readonly table: ConnectionTable;
  readonly pods: PodClasses;
  readonly behaviors: BehaviorClasses;
  /** External sources: address ranges cut at ingress ipBlocks. */
  readonly sources: AddressSide;
  /** External destinations: address ranges cut at egress ipBlocks. */
  readonly destinations: AddressSide;
  readonly diagnostics: readonly Diagnostic[];
  /** From a pod of behaviour `s` to a pod of behaviour `d`: s's egress AND d's ingress. */
  behaviorToBehavior(s: number, d: number): ConnectionId;
  /** Calls `visit` for every behaviour a pod of behaviour `s` may reach, in no particular order. */
  forEachReachable(s: number, visit: (d: number, id: ConnectionId) => void): void;
  /** From an address of source group `g` (see sources.groupOfRange) to a pod of behaviour `d`. */
  groupToBehavior(g: number, d: number): ConnectionId;
  /** From a pod of behaviour `s` to an address of destination group `g`. */
  behaviorToGroup(s: number, g: number): ConnectionId;
  /** Connections from a pod of class `src` to a pod of class `dst`. */
  podToPod(src: number, dst: number): ConnectionId;
  /** Connections from source range `range` (index into sources.ranges) to a pod of class `dst`. */
  externalToPod(range: number, dst: number): ConnectionId;
  /** Connections from a pod of class `src` to destination range `range`. */
  podToExternal(src: number, range: number): ConnectionId;
}

export function analyzePolicies(objects: K8sObjects, options: PolicyEngineOptions = {}): PolicyAnalysis {
  const hostMode = options.hostNetwork === 'host';
  const table = new ConnectionTable();
  const diagnostics: Diagnostic[] = [];
  const pods = buildPodClasses(objects, { keyHostIP: hostMode });
  const compiled = compilePolicies(objects.networkPolicies, pods, table, { hostNetworkUnselectable: hostMode });
  const hostBlocks = hostMode ? hostAddressBlocks(pods, compiled) : undefined;
  const behaviors = buildBehaviorClasses(pods, compiled, hostBlocks?.keys);
  const sources = buildAddressSide(compiled.ingressBlocks, compiled.ipBlocks);
  const destinations = buildAddressSide(compiled.egressBlocks, compiled.ipBlocks);
  const behaviorCount = behaviors.representatives.length;
  const hostBehaviorsOfBlock = hostBlocks?.behaviorsOfBlock(behaviors);

  // Named ports resolve against the destination; memoised per (ports of a rule, destination behaviour).
  const resolved = compiled.rulePorts.map((ports) => (ports.named.length > 0 ? new Int32Array(behaviorCount).fill(-1) : undefined));
  const portsFor = (portsId: number, behavior: number): ConnectionId => {
    const memo = resolved[portsId];
    if (!memo) return compiled.rulePorts[portsId]!.fixed;
    let id = memo[behavior]!;
    if (id < 0) {
      const cls = pods.classes[behaviors.representatives[behavior]!]!;
      memo[behavior] = id = resolveRulePorts(compiled.rulePorts[portsId]!, cls.namedPorts, table);
    }
    return id;
  };
  const warnedRules = new Set<CompiledRule>();
  const externalPorts = (rule: CompiledRule): ConnectionId => {
    const ports = compiled.rulePorts[rule.ports]!;
    if (ports.named.length > 0 && !warnedRules.has(rule)) {
      warnedRules.add(rule);
      diagnostics.push({
        code: 'netpol-named-port-external',
        severity: 'warning',
        message: `named port ${ports.named.map((n) => n.name).join(', ')} can only match pods, never the external addresses this egress rule also allows`,
        location: rule.source.location,
        related: [],
        hint: 'use port numbers for destinations outside the cluster',
      });
    }
    return ports.fixed;
  };

  /**
   * The row of one direction for a set of isolating policies. On ingress the ports resolve against the
   * row's own destination (`dst`); on egress against each peer, so egress rows serve every source alike.
   */
  const rowFor = (policyIndexes: readonly number[], direction: 'ingress' | 'egress', dst?: number): PeerRow => {
    const side = direction === 'ingress' ? sources : destinations;
    const portsOfPeer = (portsId: number, peer: number): ConnectionId => portsFor(portsId, dst ?? peer);
    const portsOfAddress = (rule: CompiledRule): ConnectionId => (dst === undefined ? externalPorts(rule) : portsFor(rule.ports, dst));
    const builder = new PeerRowBuilder(table, behaviorCount, side.groupCount);
    const rules = policyIndexes.flatMap((p) => compiled.policies[p]![direction]);
    // Rules without peers first: they are the base every named peer adds to.
    for (const rule of rules) {
      if (!rule.all) continue;
      if (dst === undefined && compiled.rulePorts[rule.ports]!.named.length > 0) builder.addAllVarying((peer) => portsOfPeer(rule.ports, peer));
      else builder.addAll(portsOfPeer(rule.ports, 0));
      const id = portsOfAddress(rule);
      for (let g = 0; g < side.groupCount; g++) builder.addAddressGroup(g, id);
    }
    for (const rule of rules) {
      if (rule.all) continue;
      for (const peer of rule.selectorPeers) {
        for (const b of behaviors.peerBehaviors[peer]!) builder.addPeer(b, portsOfPeer(rule.ports, b));
      }
      for (const block of rule.ipBlocks) {
        const groups = side.groupsOfBlock.get(block);
        if (groups && groups.length > 0) {
          const id = portsOfAddress(rule);
          for (const g of groups) builder.addAddressGroup(g, id);
        }
        for (const b of hostBehaviorsOfBlock?.get(block) ?? []) builder.addPeer(b, portsOfPeer(rule.ports, b));
      }
    }
    return builder.build();
  };

  // Ingress rows depend on the destination's isolating policies and, through named ports, on its ports;
  // egress rows on the source's isolating policies only. Behaviours with equal keys share a row.
  const ingressRows = new Map<string, PeerRow>();
  const egressRows = new Map<string, PeerRow>();
  const ingressRowOf: (PeerRow | undefined)[] = [];
  const egressRowOf: (PeerRow | undefined)[] = [];
  for (let b = 0; b < behaviorCount; b++) {
    const c = behaviors.representatives[b]!;
    const ingress = compiled.ingressPolicies[c]!;
    let ingressRow: PeerRow | undefined;
    if (ingress.length > 0) {
      const key = `${ingress.join(',')}/${namedPortsKey(pods, c)}`;
      ingressRow = ingressRows.get(key);
      if (!ingressRow) ingressRows.set(key, (ingressRow = rowFor(ingress, 'ingress', b)));
    }
    ingressRowOf.push(ingressRow);
    const egress = compiled.egressPolicies[c]!;
    let egressRow: PeerRow | undefined;
    if (egress.length > 0) {
      const key = egress.join(',');
      egressRow = egressRows.get(key);
      if (!egressRow) egressRows.set(key, (egressRow = rowFor(egress, 'egress')));
    }
    egressRowOf.push(egressRow);
  }

  const behaviorToBehavior = (s: number, d: number): ConnectionId => {
    const egressRow = egressRowOf[s];
    const egress = egressRow ? rowValue(egressRow, d) : ALL;
    if (egress === NONE) return NONE;
    const ingressRow = ingressRowOf[d];
    return ingressRow ? table.intersect(egress, rowValue(ingressRow, s)) : egress;
  };
  const groupToBehavior = (g: number, d: number): ConnectionId => ingressRowOf[d]?.addresses[g] ?? ALL;
  const behaviorToGroup = (s: number, g: number): ConnectionId => egressRowOf[s]?.addresses[g] ?? ALL;
  const reach = reachability(ingressRowOf, egressRowOf, behaviorToBehavior);
  const behaviorOf = behaviors.behaviorOfClass;
  return {
    table,
    pods,
    behaviors,
    sources,
    destinations,
    diagnostics,
    behaviorToBehavior,
    forEachReachable: reach,
    groupToBehavior,
    behaviorToGroup,
    podToPod: (src, dst) => behaviorToBehavior(behaviorOf[src]!, behaviorOf[dst]!),
    externalToPod: (range, dst) => groupToBehavior(sources.groupOfRange[range]!, behaviorOf[dst]!),
    podToExternal: (src, range) => behaviorToGroup(behaviorOf[src]!, destinations.groupOfRange[range]!),
  };
}

function namedPortsKey(pods: PodClasses, c: number): string {
  return [...pods.classes[c]!.namedPorts].map(([name, p]) => `${name}=${p.protocol}/${p.port}`).join(',');
}
