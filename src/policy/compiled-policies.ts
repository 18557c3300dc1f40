// Compiles NetworkPolicies against the pod classes: which classes each policy isolates, and each rule peer matches.
import type { Ipv4Range, LabelSelector, NetworkPolicy, PolicyRule } from '../k8s/k8s-objects.js';
import { ipBlockRanges } from './address-partition.js';
import { ClassLabelIndex } from './class-label-index.js';
import type { ConnectionTable } from './connection-table.js';
import type { PodClasses } from './pod-classes.js';
import { type RulePorts, compileRulePorts } from './rule-ports.js';
import { type LabelPredicate, compileSelector, selectorKey } from './selector-matcher.js';

export interface CompiledRule {
  /** The rule has no `from`/`to`: it matches every pod and every address. */
  readonly all: boolean;
  /** Ids into `selectorPeerClasses`. */
  readonly selectorPeers: readonly number[];
  /** Ids into `ipBlocks`. */
  readonly ipBlocks: readonly number[];
  /** Id into `rulePorts`. */
  readonly ports: number;
  readonly source: PolicyRule;
}

export interface CompiledPolicy {
  readonly source: NetworkPolicy;
  readonly ingress: readonly CompiledRule[];
  readonly egress: readonly CompiledRule[];
}

export interface CompiledPolicies {
  readonly policies: readonly CompiledPolicy[];
  /** Per selector peer, the classes it matches. Identical peers share an id. */
  readonly selectorPeerClasses: readonly Int32Array[];
  /** Per ipBlock, its addresses (cidr minus excepts). Identical blocks share an id. */
  readonly ipBlocks: readonly (readonly Ipv4Range[])[];
  /** Blocks named in ingress rules (they cut the source address space) and in egress rules (destinations). */
  readonly ingressBlocks: readonly number[];
  readonly egressBlocks: readonly number[];
  readonly rulePorts: readonly RulePorts[];
  /** Per class, indexes of the policies isolating it for ingress / egress, ascending. */
  readonly ingressPolicies: readonly (readonly number[])[];
  readonly egressPolicies: readonly (readonly number[])[];
}

export interface CompileOptions {
  /** Host-network pods are invisible to pod selectors (their traffic carries the node's address). */
  readonly hostNetworkUnselectable: boolean;
}

export function compilePolicies(
  policies: readonly NetworkPolicy[],
  pods: PodClasses,
  table: ConnectionTable,
  options: CompileOptions,
): CompiledPolicies {
  const namespaceNames = [...pods.namespaces.keys()];
  const namespaceCache = new Map<string, readonly string[]>();
  const classCache = new Map<string, Int32Array>();
  const peerIds = new Map<string, number>();
  const selectorPeerClasses: Int32Array[] = [];
  const blockIds = new Map<string, number>();
  const ipBlocks: Ipv4Range[][] = [];
  const ingressBlocks = new Set<number>();
  const egressBlocks = new Set<number>();
  const portIds = new Map<string, number>();
  const rulePorts: RulePorts[] = [];
  const ingressPolicies: number[][] = pods.classes.map(() => []);
  const egressPolicies: number[][] = pods.classes.map(() => []);

  const namespacesMatching = (selector: LabelSelector | undefined, own: string): readonly string[] => {
    if (!selector) return [own];
    const key = selectorKey(selector);
    let names = namespaceCache.get(key);
    if (!names) {
      const test = compileSelector(selector);
      names = namespaceNames.filter((name) => test(pods.namespaces.get(name)!));
      namespaceCache.set(key, names);
    }
    return names;
  };

  const index = new ClassLabelIndex(pods.classes);
  const classesMatching = (namespaceSelector: LabelSelector | undefined, podSelector: LabelSelector | undefined, own: string): Int32Array => {
    const key = `${namespaceSelector ? selectorKey(namespaceSelector) : '=' + own}\u0000${podSelector ? selectorKey(podSelector) : '*'}`;
    let found = classCache.get(key);
    if (found) return found;
    const test: LabelPredicate | undefined = podSelector && compileSelector(podSelector);
    const namespaces = namespacesMatching(namespaceSelector, own);
    const inNamespaces = namespaces.reduce((n, ns) => n + (pods.classesByNamespace.get(ns)?.length ?? 0), 0);
    const candidates = podSelector && index.candidates(podSelector, inNamespaces);
    const out: number[] = [];
    const consider = (c: number): void => {
      const cls = pods.classes[c]!;
      if (options.hostNetworkUnselectable && cls.hostNetwork) return;
      if (!test || test(cls.labels)) out.push(c);
    };
    if (candidates) {
      // Fewer classes carry the selector's labels than live in the namespaces: test only those.
      const allowed = new Set(namespaces);
      for (const c of candidates) if (allowed.has(pods.classes[c]!.namespace)) consider(c);
    } else {
      for (const ns of namespaces) for (const c of pods.classesByNamespace.get(ns) ?? []) consider(c);
    }
    found = Int32Array.from(out);
    classCache.set(key, found);
    return found;
  };

  const compileRule = (policy: NetworkPolicy, rule: PolicyRule, blocksSeen: Set<number>): CompiledRule => {
    const portsKey = JSON.stringify(rule.ports.map((p) => [p.protocol, p.port, p.endPort]));
    let ports = portIds.get(portsKey);
    if (ports === undefined) {
      ports = rulePorts.length;
      rulePorts.push(compileRulePorts(rule.ports, table));
      portIds.set(portsKey, ports);
    }
    if (rule.peers === 'all') return { all: true, selectorPeers: [], ipBlocks: [], ports, source: rule };
    const selectorPeers: number[] = [];
    const blocks: number[] = [];
    for (const peer of rule.peers) {
      if (peer.type === 'ipBlock') {
        const ranges = ipBlockRanges(peer.cidr, peer.except);
        const key = ranges.map((r) => `${r.first}-${r.last}`).join(',');
        let id = blockIds.get(key);
        if (id === undefined) {
          id = ipBlocks.length;
          ipBlocks.push(ranges);
          blockIds.set(key, id);
        }
        blocks.push(id);
        blocksSeen.add(id);
        continue;
      }
      const key = `${peer.namespaceSelector ? selectorKey(peer.namespaceSelector) : '=' + policy.namespace}\u0000${peer.podSelector ? selectorKey(peer.podSelector) : '*'}`;
      let id = peerIds.get(key);
      if (id === undefined) {
        id = selectorPeerClasses.length;
        selectorPeerClasses.push(classesMatching(peer.namespaceSelector, peer.podSelector, policy.namespace));
        peerIds.set(key, id);
      }
      selectorPeers.push(id);
    }
    return { all: false, selectorPeers, ipBlocks: blocks, ports, source: rule };
  };

  const compiled = policies.map((policy, policyIndex): CompiledPolicy => {
    const isolatesIngress = policy.policyTypes.includes('Ingress');
    const isolatesEgress = policy.policyTypes.includes('Egress');
    for (const index of classesMatching(undefined, policy.podSelector, policy.namespace)) {
      if (isolatesIngress) ingressPolicies[index]!.push(policyIndex);
      if (isolatesEgress) egressPolicies[index]!.push(policyIndex);
    }
    // Blocks of every written rule cut the address space, even in a direction policyTypes switches off,
    // as the oracle lists them.
    return {
      source: policy,
      ingress: policy.ingress.map((rule) => compileRule(policy, rule, ingressBlocks)),
      egress: policy.egress.map((rule) => compileRule(policy, rule, egressBlocks)),
    };
  });

  return {
    policies: compiled,
    selectorPeerClasses,
    ipBlocks,
    ingressBlocks: [...ingressBlocks],
    egressBlocks: [...egressBlocks],
    rulePorts,
    ingressPolicies,
    egressPolicies,
  };
}
