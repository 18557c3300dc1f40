// Reading manifests: lists and typed lists flattened, JSON read as YAML, workloads expanded, locations kept.
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/k8s/load-manifests.js';
import { parseYamlStream } from '../../src/source/parse-yaml.js';

function load(text: string, file = 'm.yaml') {
  const parsed = parseYamlStream(text, file);
  expect(parsed.diagnostics).toEqual([]);
  return loadManifests(parsed.documents);
}

describe('loadManifests', () => {
  it('flattens List and typed lists whose items omit kind', () => {
    const { objects, diagnostics } = load(`apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Namespace, metadata: {name: a}}
- {apiVersion: v1, kind: Pod, metadata: {name: p, namespace: a}}
---
apiVersion: v1
kind: PodList
items:
- metadata: {name: q, namespace: a}
---
kind: NamespaceList
items:
- metadata: {name: b, labels: {team: x}}
`);
    expect(diagnostics).toEqual([]);
    expect(objects.namespaces.map((n) => [n.name, n.labels])).toEqual([
      ['a', { 'kubernetes.io/metadata.name': 'a' }],
      ['b', { team: 'x', 'kubernetes.io/metadata.name': 'b' }],
    ]);
    expect(objects.pods.map((p) => `${p.namespace}/${p.name}`)).toEqual(['a/p', 'a/q']);
    // Each item keeps its own place in the file.
    expect(objects.pods[1]!.location).toMatchObject({ file: 'm.yaml', line: 10, column: 3 });
  });

  it('reads JSON documents', () => {
    const { objects } = load('{"kind": "NetworkPolicyList", "items": [{"metadata": {"name": "p"}, "spec": {"podSelector": {}}}]}', 'p.json');
    expect(objects.networkPolicies).toMatchObject([{ namespace: 'default', name: 'p', policyTypes: ['Ingress'], ingress: [], egress: [] }]);
  });

  it('expands controllers into owned pods with their template labels and ports', () => {
    const { objects } = load(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 3
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: c
        ports: [{name: http, containerPort: 8080}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  replicas: 2
  template: {metadata: {labels: {app: db}}, spec: {containers: []}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  jobTemplate:
    spec:
      template:
        metadata: {labels: {job: nightly}}
        spec: {hostNetwork: true, containers: []}
`);
    expect(objects.workloads.map((w) => [w.kind, w.namespace, w.name, w.replicas])).toEqual([
      ['Deployment', 'shop', 'web', 3],
      ['StatefulSet', 'default', 'db', 2],
      ['CronJob', 'default', 'nightly', 1],
    ]);
    const web = objects.pods.filter((p) => p.owner?.name === 'web');
    expect(web).toHaveLength(3);
    expect(new Set(web.map((p) => p.name)).size).toBe(3);
    expect(web[0]!.name).toMatch(/^web-[a-z0-9]{10}-[a-z0-9]{5}$/);
    expect(web[0]).toMatchObject({ namespace: 'shop', labels: { app: 'web' }, owner: { kind: 'Deployment', name: 'web' } });
    expect(web[0]!.containerPorts).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
    expect(objects.pods.filter((p) => p.owner?.name === 'db').map((p) => p.name)).toEqual(['db-0', 'db-1']);
    expect(objects.pods.find((p) => p.owner?.kind === 'CronJob')).toMatchObject({ hostNetwork: true, labels: { job: 'nightly' } });
    // Same input, same names: no randomness.
    expect(load('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec: {replicas: 1}\n').objects.pods[0]!.name).toBe(web[0]!.name);
  });

  it('keeps a controller owner of a pod, but not a Node owner', () => {
    const { objects } = load(`kind: Pod
metadata:
  name: etcd-minikube
  namespace: kube-system
  ownerReferences: [{kind: Node, name: minikube, controller: true}]
---
kind: Pod
metadata:
  name: x-1
  ownerReferences: [{kind: ReplicaSet, name: x-abc, controller: false}, {kind: DaemonSet, name: x, controller: true}]
status: {hostIP: 10.0.0.1, podIP: 10.0.0.1}
`);
    expect(objects.pods[0]!.owner).toBeUndefined();
    expect(objects.pods[1]).toMatchObject({ owner: { kind: 'DaemonSet', name: 'x' }, hostIP: '10.0.0.1', podIPs: ['10.0.0.1'] });
  });

  it('reads NetworkPolicy rules, peers and ports, defaulting policyTypes', () => {
    const { objects, diagnostics } = load(`kind: NetworkPolicy
metadata: {name: p, namespace: a}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
  - from:
    - podSelector: {matchExpressions: [{key: app, operator: In, values: [web]}]}
      namespaceSelector: {}
    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
    ports:
    - {port: 5432}
    - {port: http, protocol: UDP}
    - {port: 9000, endPort: 9010, protocol: SCTP}
  - {}
  egress:
  - to: []
`);
    expect(diagnostics).toEqual([]);
    const policy = objects.networkPolicies[0]!;
    expect(policy.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.ingress[0]!.peers).toMatchObject([
      { type: 'selector', namespaceSelector: { matchLabels: {}, matchExpressions: [] }, podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] } },
      { type: 'ipBlock', cidr: { first: 0x0a000000, last: 0x0affffff }, except: [{ first: 0x0a010000, last: 0x0a01ffff }] },
    ]);
    expect(policy.ingress[0]!.ports).toMatchObject([
      { protocol: 'TCP', port: 5432 },
      { protocol: 'UDP', port: 'http' },
      { protocol: 'SCTP', port: 9000, endPort: 9010 },
    ]);
    expect(policy.ingress[1]).toMatchObject({ peers: 'all', ports: [] });
    expect(policy.egress[0]).toMatchObject({ peers: 'all', ports: [] });
  });

  it('ignores kinds that do not affect connectivity, mentioning unexpected ones once', () => {
    const { objects, diagnostics } = load('kind: ConfigMap\nmetadata: {name: c}\n---\nkind: Widget\nmetadata: {name: w}\n---\nkind: Widget\nmetadata: {name: v}\n');
    expect(objects.pods).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.location?.line])).toEqual([['k8s-ignored-kind', 'info', 4]]);
  });
});
