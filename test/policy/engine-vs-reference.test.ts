// The class-based engine must agree with a direct pod-by-pod reading of the NetworkPolicy rules on random clusters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { K8sObjects, K8sPod, LabelSelector, Labels, NetworkPolicy, PolicyPeer, PolicyPort, PolicyRule, Protocol } from '../../src/k8s/k8s-objects.js';
import { NAMESPACE_NAME_LABEL } from '../../src/k8s/k8s-objects.js';
import { ALL_CONNECTIONS, type ConnectionSet, NO_CONNECTIONS, connectionsOf, formatConnections, intersectConnections, unionConnections } from '../../src/policy/connection-set.js';
import { computeConnectivity } from '../../src/policy/connectivity.js';
import { formatConnectivity } from '../../src/policy/connectivity-listing.js';
import { ALL_PORTS, portRange } from '../../src/policy/port-set.js';
import { type FlowEnd, podFlowReader } from '../../src/policy/pod-flow.js';

const at = { file: 'r.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 };
const NAMESPACES = ['a', 'b', 'c'];
const APPS = ['web', 'db', 'api'];
const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'SCTP'];

const labelsArb = fc.record({ app: fc.constantFrom(...APPS), tier: fc.constantFrom('x', 'y', undefined) }).map((l) => {
  const out: Record<string, string> = { app: l.app };
  if (l.tier) out['tier'] = l.tier;
  return out;
});
const selectorArb: fc.Arbitrary<LabelSelector> = fc.oneof(
  fc.constant({ matchLabels: {}, matchExpressions: [] }),
  fc.constantFrom(...APPS).map((app) => ({ matchLabels: { app }, matchExpressions: [] })),
  fc.record({
    key: fc.constantFrom('app', 'tier', 'team'),
    operator: fc.constantFrom('In' as const, 'NotIn' as const, 'Exists' as const, 'DoesNotExist' as const),
    values: fc.subarray(['web', 'db', 'x', 'blue'], { minLength: 1 }),
  }).map((r) => ({ matchLabels: {}, matchExpressions: [{ ...r, values: r.operator === 'In' || r.operator === 'NotIn' ? r.values : [] }] })),
);
const cidrArb = fc.constantFrom(
  { first: 0x0a000000, last: 0x0affffff, except: [{ first: 0x0a010000, last: 0x0a01ffff }] },
  { first: 0x0a010000, last: 0x0a01ffff, except: [] },
  { first: 0, last: 0xffffffff, except: [{ first: 0x0a000000, last: 0x0affffff }] },
  { first: 0xc0a80000, last: 0xc0a8ffff, except: [] },
);
const peerArb: fc.Arbitrary<PolicyPeer> = fc.oneof(
  fc.record({ pod: fc.option(selectorArb, { nil: undefined }), ns: fc.option(selectorArb, { nil: undefined }) })
    .filter((p) => p.pod !== undefined || p.ns !== undefined)
    .map((p) => ({ type: 'selector' as const, ...(p.pod ? { podSelector: p.pod } : {}), ...(p.ns ? { namespaceSelector: p.ns } : {}), location: at })),
  cidrArb.map((c) => ({ type: 'ipBlock' as const, cidr: { first: c.first, last: c.last }, except: c.except, text: '', location: at })),
);
const portArb: fc.Arbitrary<PolicyPort> = fc.record({
  protocol: fc.constantFrom(...PROTOCOLS),
  port: fc.oneof(fc.constant(undefined), fc.constantFrom(80, 443, 53), fc.constantFrom('http', 'dns')),
  wide: fc.boolean(),
}).map(({ protocol, port, wide }) => ({
  protocol,
  ...(port === undefined ? {} : { port }),
  ...(typeof port === 'number' && wide ? { endPort: port + 10 } : {}),
  location: at,
}));
const ruleArb: fc.Arbitrary<PolicyRule> = fc.record({
  peers: fc.oneof(fc.constant('all' as const), fc.array(peerArb, { minLength: 1, maxLength: 2 })),
  ports: fc.array(portArb, { maxLength: 2 }),
}).map((r) => ({ ...r, location: at }));
const policyArb = (i: number): fc.Arbitrary<NetworkPolicy> =>
  fc.record({
    namespace: fc.constantFrom(...NAMESPACES),
    podSelector: selectorArb,
    types: fc.constantFrom(['Ingress'], ['Egress'], ['Ingress', 'Egress']) as fc.Arbitrary<('Ingress' | 'Egress')[]>,
    ingress: fc.array(ruleArb, { maxLength: 2 }),
    egress: fc.array(ruleArb, { maxLength: 2 }),
  }).map((p) => ({ namespace: p.namespace, name: `p${i}`, podSelector: p.podSelector, policyTypes: p.types, ingress: p.ingress, egress: p.egress, location: at }));
const podArb = (i: number): fc.Arbitrary<K8sPod> =>
  fc.record({
    namespace: fc.constantFrom(...NAMESPACES),
    labels: labelsArb,
    http: fc.constantFrom(undefined, { protocol: 'TCP' as Protocol, port: 8080 }, { protocol: 'UDP' as Protocol, port: 8081 }),
    hostNetwork: fc.boolean(),
    hostIP: fc.constantFrom(undefined, '10.1.2.3', '192.168.0.9', '172.16.0.1'),
  }).map((p) => ({
    namespace: p.namespace,
    name: `pod${i}`,
    labels: p.labels,
    containerPorts: [
      ...(p.http ? [{ name: 'http', containerPort: p.http.port, protocol: p.http.protocol }] : []),
      { name: 'dns', containerPort: 53, protocol: 'UDP' as Protocol },
    ],
    hostNetwork: p.hostNetwork,
    ...(p.hostIP ? { hostIP: p.hostIP } : {}),
    podIPs: [],
    location: at,
  }));
const clusterArb: fc.Arbitrary<K8sObjects> = fc
  .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 5 }), fc.boolean())
  .chain(([podCount, policyCount, teamLabel]) =>
    fc.tuple(fc.tuple(...Array.from({ length: podCount }, (_, i) => podArb(i))), fc.tuple(...Array.from({ length: policyCount }, (_, i) => policyArb(i)))).map(
      ([pods, networkPolicies]) => ({
        // Namespace c is only referenced by pods; a carries a team label.
        namespaces: [
          { name: 'a', labels: { [NAMESPACE_NAME_LABEL]: 'a', ...(teamLabel ? { team: 'blue' } : {}) }, location: at },
          { name: 'b', labels: { [NAMESPACE_NAME_LABEL]: 'b' }, location: at },
        ],
        pods,
        workloads: [],
        services: [],
        networkPolicies,
      }),
    ),
  );

/**
 * The rules read literally (src/policy/pod-flow.ts), one pod (or address) pair at a time. With `hostAddress`, host-network pods are
 * their node address: never selected, never matched by selectors, matched by ipBlocks holding their hostIP.
 */
function reference(objects: K8sObjects, hostAddress: boolean, sourceRanges: readonly { first: number; label: string }[], destinationRanges: readonly { first: number; label: string }[]): string {
  const reader = podFlowReader(objects, hostAddress);
  const direction = (selected: K8sPod, type: 'Ingress' | 'Egress', peer: FlowEnd, dst: FlowEnd): ConnectionSet => reader.direction(selected, type, peer, dst).connections;
  const label = (pod: K8sPod): string => `${pod.namespace}/${pod.name}[Pod]`;
  const lines: [string, string, ConnectionSet][] = [];
  for (const src of objects.pods) {
    for (const dst of objects.pods) {
      if (src !== dst) lines.push([label(src), label(dst), intersectConnections(direction(src, 'Egress', { pod: dst }, { pod: dst }), direction(dst, 'Ingress', { pod: src }, { pod: dst }))]);
    }
    for (const range of destinationRanges) lines.push([label(src), range.label, direction(src, 'Egress', { address: range.first }, { address: range.first })]);
  }
  for (const range of sourceRanges) {
    for (const dst of objects.pods) lines.push([range.label, label(dst), direction(dst, 'Ingress', { address: range.first }, { pod: dst })]);
  }
  return lines
    .filter(([, , c]) => formatConnections(c) !== 'No Connections')
    .sort(([a1, b1], [a2, b2]) => (a1 !== a2 ? (a1 < a2 ? -1 : 1) : b1 < b2 ? -1 : b1 > b2 ? 1 : 0))
    .map(([a, b, c]) => `${a} => ${b} : ${formatConnections(c)}\n`)
    .join('');
}

describe('engine against a literal reference', () => {
  it.each([['pod'], ['host']] as const)('agrees on random clusters (host network as %s)', (hostNetwork) => {
    fc.assert(
      fc.property(clusterArb, (objects) => {
        const result = computeConnectivity(objects, { hostNetwork });
        // The partition itself is tested on its own; here each range is probed at its first address.
        const rangesOf = (side: typeof result.analysis.sources) => side.ranges.map((r) => ({ first: r.first, label: labelOf(r) }));
        const expected = reference(objects, hostNetwork === 'host', rangesOf(result.analysis.sources), rangesOf(result.analysis.destinations));
        expect(formatConnectivity(result.connections)).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });
});

function labelOf(range: { first: number; last: number }): string {
  const ip = (v: number): string => [24, 16, 8, 0].map((s) => Math.floor(v / 2 ** s) % 256).join('.');
  return `${ip(range.first)}-${ip(range.last)}[External]`;
}
