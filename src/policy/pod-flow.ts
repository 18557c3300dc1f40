// NetworkPolicy rules read literally for one pod and one peer: the per-direction verdict with the policies that decide it.
// The class engine answers for whole clusters; this reading explains single flows and is the engine's test reference.
import type { K8sObjects, K8sPod, LabelSelector, Labels, NetworkPolicy, PolicyPeer, PolicyRule } from '../k8s/k8s-objects.js';
import { NAMESPACE_NAME_LABEL } from '../k8s/k8s-objects.js';
import { ALL_CONNECTIONS, type ConnectionSet, NO_CONNECTIONS, connectionsOf, unionConnections } from './connection-set.js';
import { ALL_PORTS, portRange } from './port-set.js';
import { compileSelector } from './selector-matcher.js';
import { ipBlockRanges } from './address-partition.js';
import { parseIpv4 } from '../k8s/ipv4-cidr.js';

/** One side of a flow: a pod of the cluster, or an address outside it (a VM, an external host, a masqueraded node). */
export type FlowEnd = { readonly pod: K8sPod } | { readonly address: number };

export interface DirectionVerdict {
  /** What the selected pod's policies allow toward/from the peer; everything when not isolated. */
  readonly connections: ConnectionSet;
  /** Policies selecting the pod for this direction (empty: not isolated). */
  readonly isolatedBy: readonly NetworkPolicy[];
  /** Of those, the policies with a rule matching the peer. */
  readonly allowedBy: readonly NetworkPolicy[];
}

export interface PodFlowReader {
  /** `selected`'s policies of one direction toward `peer`; named ports resolve against `dst`. */
  direction(selected: K8sPod, type: 'Ingress' | 'Egress', peer: FlowEnd, dst: FlowEnd): DirectionVerdict;
}

/**
 * With `hostAddress`, host-network pods are their node's address: never selected, never matched by pod
 * selectors, matched by ipBlocks holding their hostIP (the format's reading; netpol-analyzer's is `false`).
 */
export function podFlowReader(objects: K8sObjects, hostAddress: boolean): PodFlowReader {
  const nsLabels = new Map(objects.namespaces.map((n) => [n.name, n.labels]));
  const labelsOf = (ns: string): Labels => nsLabels.get(ns) ?? { [NAMESPACE_NAME_LABEL]: ns };
  const compiled = new Map<LabelSelector, (labels: Labels) => boolean>();
  const matches = (selector: LabelSelector, labels: Labels): boolean => {
    let predicate = compiled.get(selector);
    if (!predicate) compiled.set(selector, (predicate = compileSelector(selector)));
    return predicate(labels);
  };
  const asHost = (pod: K8sPod): boolean => hostAddress && pod.hostNetwork;
  const inBlock = (peer: PolicyPeer & { type: 'ipBlock' }, address: number): boolean =>
    ipBlockRanges(peer.cidr, peer.except).some((r) => r.first <= address && address <= r.last);
  const peerMatches = (peer: PolicyPeer, policyNs: string, end: FlowEnd): boolean => {
    if (peer.type === 'ipBlock') {
      if ('address' in end) return inBlock(peer, end.address);
      const address = asHost(end.pod) && end.pod.hostIP ? parseIpv4(end.pod.hostIP) : undefined;
      return address !== undefined && inBlock(peer, address);
    }
    if (!('pod' in end) || asHost(end.pod)) return false;
    const nsOk = peer.namespaceSelector ? matches(peer.namespaceSelector, labelsOf(end.pod.namespace)) : end.pod.namespace === policyNs;
    return nsOk && (!peer.podSelector || matches(peer.podSelector, end.pod.labels));
  };
  const portsOf = (rule: PolicyRule, dst: FlowEnd): ConnectionSet => {
    if (rule.ports.length === 0) return ALL_CONNECTIONS;
    let out = NO_CONNECTIONS;
    for (const p of rule.ports) {
      if (typeof p.port === 'string') {
        const target = 'pod' in dst ? dst.pod.containerPorts.find((c) => c.name === p.port) : undefined;
        if (target && target.protocol === p.protocol) out = unionConnections(out, connectionsOf(p.protocol, portRange(target.containerPort, target.containerPort)));
      } else {
        out = unionConnections(out, connectionsOf(p.protocol, p.port === undefined ? ALL_PORTS : portRange(p.port, p.endPort ?? p.port)));
      }
    }
    return out;
  };
  return {
    direction(selected, type, peer, dst) {
      const policies = objects.networkPolicies.filter(
        (p) => !asHost(selected) && p.namespace === selected.namespace && p.policyTypes.includes(type) && matches(p.podSelector, selected.labels),
      );
      if (policies.length === 0) return { connections: ALL_CONNECTIONS, isolatedBy: [], allowedBy: [] };
      let connections = NO_CONNECTIONS;
      const allowedBy: NetworkPolicy[] = [];
      for (const p of policies) {
        let allows = false;
        for (const rule of type === 'Ingress' ? p.ingress : p.egress) {
          if (rule.peers === 'all' || rule.peers.some((spec) => peerMatches(spec, p.namespace, peer))) {
            const c = portsOf(rule, dst);
            connections = unionConnections(connections, c);
            allows = true;
          }
        }
        if (allows) allowedBy.push(p);
      }
      return { connections, isolatedBy: policies, allowedBy };
    },
  };
}
