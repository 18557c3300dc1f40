import { computeConnectivity } from './src/policy/connectivity.js';
import { formatConnectivity } from './src/policy/connectivity-listing.js';
import type { K8sObjects, NetworkPolicy, K8sPod, K8sNamespace } from './src/k8s/k8s-objects.js';
const loc = { file: 'x', line: 1, column: 1, endLine: 1, endColumn: 1 };
const NS = 500, PODS = 20;
const namespaces: K8sNamespace[] = []; const pods: K8sPod[] = []; const policies: NetworkPolicy[] = [];
const sel = (m: Record<string,string>) => ({ matchLabels: m, matchExpressions: [] });
for (let n = 0; n < NS; n++) {
  const ns = `ns-${n}`;
  namespaces.push({ name: ns, labels: { 'kubernetes.io/metadata.name': ns, team: `t${n % 25}` }, location: loc });
  for (let i = 0; i < PODS; i++) pods.push({ namespace: ns, name: `p-${i}`, labels: { app: `a${i % 5}`, id: `${n}-${i}` }, containerPorts: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], hostNetwork: false, podIPs: [], location: loc });
  policies.push({ namespace: ns, name: 'deny', podSelector: sel({}), policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [], location: loc });
  policies.push({ namespace: ns, name: 'a', podSelector: sel({ app: 'a1' }), policyTypes: ['Ingress'], location: loc, egress: [],
    ingress: [{ peers: [{ type: 'selector', namespaceSelector: sel({ team: `t${n % 25}` }), podSelector: sel({ app: 'a0' }), location: loc }], ports: [{ protocol: 'TCP', port: 'http', location: loc }], location: loc }] });
  policies.push({ namespace: ns, name: 'b', podSelector: sel({ app: 'a0' }), policyTypes: ['Egress'], location: loc, ingress: [],
    egress: [{ peers: [{ type: 'selector', namespaceSelector: sel({}), podSelector: sel({ app: 'a1' }), location: loc }], ports: [], location: loc },
             { peers: [{ type: 'ipBlock', cidr: { first: 0, last: 2**32-1 }, except: [{ first: 167772160 + n * 65536, last: 167772160 + n * 65536 + 65535 }], text: '', location: loc }], ports: [{ protocol: 'UDP', port: 53, location: loc }], location: loc }] });
  policies.push({ namespace: ns, name: 'c', podSelector: sel({ app: 'a2' }), policyTypes: ['Ingress'], location: loc, egress: [],
    ingress: [{ peers: [{ type: 'selector', podSelector: { matchLabels: {}, matchExpressions: [{ key: 'app', operator: 'In', values: ['a3', 'a4'] }] }, location: loc }], ports: [{ protocol: 'TCP', port: 80, endPort: 90, location: loc }], location: loc }] });
}
const objects: K8sObjects = { namespaces, pods, workloads: [], services: [], networkPolicies: policies };
for (let k = 0; k < 2; k++) {
let t = performance.now();
const c = computeConnectivity(objects);
console.log('connectivity', (performance.now() - t).toFixed(0), 'ms', c.connections.length, 'connections', c.analysis.pods.classes.length, 'classes', c.analysis.behaviors.representatives.length, 'behaviors');
t = performance.now();
const s = formatConnectivity(c.connections);
console.log('format', (performance.now() - t).toFixed(0), 'ms', s.length, 'chars');
}
