import { loadManifests } from './src/k8s/load-manifests.js';
import { computeConnectivity } from './src/policy/connectivity.js';
import { formatConnectivity } from './src/policy/connectivity-listing.js';
import { parseYamlStream } from './src/source/parse-yaml.js';
import { stringify } from 'yaml';

const objs: unknown[] = [];
const NS = 500, DEPLOY_PER_NS = 4, REPLICAS = 5;
for (let n = 0; n < NS; n++) {
  const ns = `ns-${n}`;
  objs.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { team: `t${n % 20}`, env: ['dev', 'stg', 'prd'][n % 3] } } });
  for (let d = 0; d < DEPLOY_PER_NS; d++) {
    objs.push({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `app-${d}`, namespace: ns },
      spec: { replicas: REPLICAS, selector: { matchLabels: { app: `app-${d}` } }, template: { metadata: { labels: { app: `app-${d}`, tier: d % 2 ? 'web' : 'db', ver: `v${(n + d) % 7}` } },
        spec: { containers: [{ name: 'c', image: 'x', ports: [{ name: 'http', containerPort: 8000 + d }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] }] } } } });
  }
  objs.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: ns }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } });
  objs.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'web', namespace: ns }, spec: { podSelector: { matchLabels: { tier: 'web' } },
    ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: `t${n % 20}` } }, podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] } }], ports: [{ port: 'http' }] },
              { from: [{ ipBlock: { cidr: `10.${n % 256}.0.0/16`, except: [`10.${n % 256}.${n % 200}.0/24`] } }], ports: [{ port: 443 }, { port: 8000, endPort: 8100 }] }] } });
  objs.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'db', namespace: ns }, spec: { podSelector: { matchLabels: { tier: 'db' } },
    ingress: [{ from: [{ podSelector: { matchLabels: { tier: 'web' } } }], ports: [{ port: 5432 }] }] } });
  objs.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'egress', namespace: ns }, spec: { podSelector: {}, policyTypes: ['Egress'],
    egress: [{ to: [{ namespaceSelector: { matchLabels: { env: ['dev', 'stg', 'prd'][n % 3] } } }], ports: [{ port: 'dns', protocol: 'UDP' }, { port: 'http' }] },
             { to: [{ ipBlock: { cidr: `172.${16 + (n % 16)}.0.0/16` } }], ports: [{ port: 443 }] }] } });
}
const text = objs.map((o) => stringify(o)).join('---\n');
import("node:fs").then(fs=>fs.writeFileSync("/tmp/bench.yaml", text));
let t = performance.now();
const parsed = parseYamlStream(text, 'bench.yaml');
console.log('parse', (performance.now() - t).toFixed(0), 'ms', parsed.documents.length, 'docs');
t = performance.now();
const loaded = loadManifests(parsed.documents);
console.log('load', (performance.now() - t).toFixed(0), 'ms', loaded.objects.pods.length, 'pods', loaded.objects.networkPolicies.length, 'policies', loaded.diagnostics.length, 'diags');
t = performance.now();
const { analyzePolicies } = await import('./src/policy/policy-engine.js');
const a = analyzePolicies(loaded.objects);
console.log('analyze', (performance.now() - t).toFixed(0), 'ms', a.pods.classes.length, 'classes', a.behaviors.representatives.length, 'behaviors', a.sources.ranges.length, a.destinations.ranges.length, 'ranges');
t = performance.now();
const c = computeConnectivity(loaded.objects);
console.log('connectivity', (performance.now() - t).toFixed(0), 'ms', c.connections.length, 'connections');
t = performance.now();
const s = formatConnectivity(c.connections);
console.log('format', (performance.now() - t).toFixed(0), 'ms', s.length, 'chars');
