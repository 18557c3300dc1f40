// Evaluates NetworkPolicies over equivalence classes: allowed connections between pod classes and address ranges.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { K8sObjects } from '../k8s/k8s-objects.js';
import { type AddressSide, buildAddressSide } from './address-side.js';
import { type BehaviorClasses, buildBehaviorClasses } from './behavior-classes.js';
import { type CompiledRule, compilePolicies } from './compiled-policies.js';
import { ALL, type ConnectionId, ConnectionTable, NONE } from './connection-table.js';
import { hostAddressBlocks } from './host-address-blocks.js';
import { type PodClasses, buildPodClasses } from './pod-classes.js';
import { resolveRulePorts } from './rule-ports.js';

export interface PolicyEngineOptions {
  /**
   * How host-network pods meet policies. `pod` (default): like any pod, as the oracle analyzer does.
   * `host`: as their node's address: no policy selects or isolates them, pod selectors do not match them,
   * and ipBlocks match them by `status.hostIP` when the manifest has one.
   */
  readonly hostNetwork?: 'pod' | 'host';
}

/** Allowed connections for one direction's rules: to/from every pod behaviour and every address group. */
interface Row {
  readonly pods: Int32Array;
  readonly addresses: Int32Array;
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
  /** Connections from a pod of class `src` to a pod of class `dst`: src's egress AND dst's ingress. */
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

  const rowFor = (
    policyIndexes: readonly number[],
    direction: 'ingress' | 'egress',
    side: AddressSide,
    portsOfPeer: (portsId: number, peerBehavior: number) => ConnectionId,
    portsOfAddress: (rule: CompiledRule) => ConnectionId,
  ): Row => {
    const row: Row = { pods: new Int32Array(behaviorCount), addresses: new Int32Array(side.groupCount) };
    const add = (targets: Int32Array, index: number, id: ConnectionId): void => {
      targets[index] = table.union(targets[index]!, id);
    };
    for (const p of policyIndexes) {
      for (const rule of compiled.policies[p]![direction]) {
        if (rule.all) {
          for (let b = 0; b < behaviorCount; b++) add(row.pods, b, portsOfPeer(rule.ports, b));
          const id = portsOfAddress(rule);
          for (let g = 0; g < side.groupCount; g++) add(row.addresses, g, id);
          continue;
        }
        for (const peer of rule.selectorPeers) {
          for (const b of behaviors.peerBehaviors[peer]!) add(row.pods, b, portsOfPeer(rule.ports, b));
        }
        for (const block of rule.ipBlocks) {
          const groups = side.groupsOfBlock.get(block);
          if (groups && groups.length > 0) {
            const id = portsOfAddress(rule);
            for (const g of groups) add(row.addresses, g, id);
          }
          for (const b of hostBehaviorsOfBlock?.get(block) ?? []) add(row.pods, b, portsOfPeer(rule.ports, b));
        }
      }
    }
    return row;
  };

  // Ingress rows depend on the destination's isolating policies and, through named ports, on its ports.
  const ingressRows = new Map<string, Row>();
  const ingressRowOf: (Row | undefined)[] = [];
  // Egress rows depend on the source's isolating policies only; named ports resolve per destination column.
  const egressRows = new Map<string, Row>();
  const egressRowOf: (Row | undefined)[] = [];
  for (let b = 0; b < behaviorCount; b++) {
    const c = behaviors.representatives[b]!;
    const ingress = compiled.ingressPolicies[c]!;
    if (ingress.length > 0) {
      const key = `${ingress.join(',')}/${namedPortsKey(pods, c)}`;
      let row = ingressRows.get(key);
      if (!row) {
        const dst = b;
        row = rowFor(ingress, 'ingress', sources, (portsId) => portsFor(portsId, dst), (rule) => portsFor(rule.ports, dst));
        ingressRows.set(key, row);
      }
      ingressRowOf.push(row);
    } else ingressRowOf.push(undefined);
    const egress = compiled.egressPolicies[c]!;
    if (egress.length > 0) {
      const key = egress.join(',');
      let row = egressRows.get(key);
      if (!row) {
        row = rowFor(egress, 'egress', destinations, portsFor, externalPorts);
        egressRows.set(key, row);
      }
      egressRowOf.push(row);
    } else egressRowOf.push(undefined);
  }

  const behaviorOf = behaviors.behaviorOfClass;
  return {
    table,
    pods,
    behaviors,
    sources,
    destinations,
    diagnostics,
    podToPod(src, dst) {
      const s = behaviorOf[src]!;
      const d = behaviorOf[dst]!;
      const egress = egressRowOf[s]?.pods[d] ?? ALL;
      if (egress === NONE) return NONE;
      return table.intersect(egress, ingressRowOf[d]?.pods[s] ?? ALL);
    },
    externalToPod(range, dst) {
      return ingressRowOf[behaviorOf[dst]!]?.addresses[sources.groupOfRange[range]!] ?? ALL;
    },
    podToExternal(src, range) {
      return egressRowOf[behaviorOf[src]!]?.addresses[destinations.groupOfRange[range]!] ?? ALL;
    },
  };
}

function namedPortsKey(pods: PodClasses, c: number): string {
  return [...pods.classes[c]!.namedPorts].map(([name, p]) => `${name}=${p.protocol}/${p.port}`).join(',');
}
