// Every object the k8s target writes is valid for the Kubernetes API: kubernetes-models schemas, read back as kubectl reads it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ConfigMap, Namespace, Node, ServiceAccount } from 'kubernetes-models/v1';
import { DaemonSet } from 'kubernetes-models/apps/v1';
import { ClusterRole, ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { k8sEmitter } from '../../src/emit/k8s/k8s-emitter.js';
import { validateK8sObject } from '../../src/emit/k8s/validate-k8s-object.js';
import { buildTopology } from '../../src/compile/pipeline.js';
import { fileSystemHost } from '../../src/cli/file-system-host.js';
import type { OutputFile } from '../../src/emit/emitter.js';
import type { ClusterIR } from '../../src/ir/cluster-ir.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import { prodCluster, topologyWith } from '../helpers/k8s-fixtures.js';

/** The models by kind, used directly (not through validateK8sObject) so the check does not rest on the code it checks. */
const MODELS: Readonly<Record<string, (data: never) => { validate(): void }>> = {
  Namespace: (data) => new Namespace(data),
  NetworkPolicy: (data) => new NetworkPolicy(data),
  ConfigMap: (data) => new ConfigMap(data),
  Node: (data) => new Node(data),
  ServiceAccount: (data) => new ServiceAccount(data),
  ClusterRole: (data) => new ClusterRole(data),
  ClusterRoleBinding: (data) => new ClusterRoleBinding(data),
  DaemonSet: (data) => new DaemonSet(data),
};

/** Each object of each file, read as YAML 1.1 (kubectl) and as YAML 1.2, which must agree. */
function objectsOf(files: readonly OutputFile[]): { file: string; object: Record<string, unknown> }[] {
  return files.flatMap((file) => {
    const read = (version: '1.1' | '1.2'): unknown[] =>
      parseAllDocuments(file.contents, { version }).map((doc) => {
        expect(doc.errors).toEqual([]);
        return doc.toJS() as unknown;
      });
    const objects = read('1.1');
    expect(read('1.2')).toEqual(objects);
    return objects.map((object) => ({ file: file.path, object: object as Record<string, unknown> }));
  });
}

function expectAllValid(ir: TopologyIR): number {
  const objects = objectsOf(k8sEmitter.emit(ir));
  for (const { file, object } of objects) {
    const model = MODELS[String(object['kind'])];
    expect(model, `${file}: kind ${String(object['kind'])}`).toBeDefined();
    expect(() => model!(object as never).validate(), file).not.toThrow();
    expect(validateK8sObject(object), file).toEqual([]);
  }
  return objects.length;
}

describe('emitted Kubernetes objects', () => {
  const variants: readonly [string, ClusterIR][] = [
    ['vxlan', prodCluster],
    ['host-gw, /26 per node', { ...prodCluster, nodeCidrSize: 26, cni: { ...prodCluster.cni, backend: 'host-gw' } }],
    ['wireguard', { ...prodCluster, cni: { ...prodCluster.cni, backend: 'wireguard' } }],
  ];

  it.each(variants)('are valid for the fixture cluster (%s)', (_, cluster) => {
    // 2 namespaces, 3 policies, 1 ConfigMap, 3 nodes; no enforcer named, so none deployed.
    expect(expectAllValid(topologyWith(cluster))).toBe(9);
  });

  it('include the enforcer, valid, when the cluster names kube-network-policies', () => {
    const cluster: ClusterIR = { ...prodCluster, cni: { ...prodCluster.cni, policy: 'kube-network-policies' } };
    // The 9 above, then ServiceAccount, ClusterRole, ClusterRoleBinding and DaemonSet.
    expect(expectAllValid(topologyWith(cluster))).toBe(13);
    const file = k8sEmitter.emit(topologyWith(cluster)).find((f) => f.path === 'k8s/prod/kube-network-policies.yaml')!;
    const daemonSet = objectsOf([file]).map((o) => o.object).find((o) => o['kind'] === 'DaemonSet')!;
    expect(JSON.stringify(daemonSet)).toContain('"image":"registry.k8s.io/networking/kube-network-policies:v1.0.0"');
    expect((daemonSet['spec'] as { template: { spec: { hostNetwork: boolean } } }).template.spec.hostNetwork).toBe(true);
  });

  it('keep the cluster data through the YAML round trip', () => {
    const objects = objectsOf(k8sEmitter.emit(topologyWith(prodCluster))).map((o) => o.object);
    const nodes = objects.filter((o) => o['kind'] === 'Node');
    expect(nodes.map((n) => (n['spec'] as { podCIDR: string }).podCIDR)).toEqual(prodCluster.nodes.map((n) => n.podSubnet));
    const annotations = (nodes[0]!['metadata'] as { annotations: Record<string, string> }).annotations;
    expect(JSON.parse(annotations['flannel.alpha.coreos.com/backend-data']!)).toEqual({ VNI: 1, VtepMAC: prodCluster.nodes[0]!.vtepMac });
    expect(annotations['flannel.alpha.coreos.com/kube-subnet-manager']).toBe('true');
    const policies = objects.filter((o) => o['kind'] === 'NetworkPolicy');
    expect(policies.map((p) => p['spec'])).toEqual(
      [...prodCluster.networkPolicies, ...prodCluster.importedPolicies]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((p) => p.object['spec']),
    );
  });
});

describe('examples/three-layer.yaml', () => {
  const file = 'examples/three-layer.yaml';
  const result = buildTopology({ spec: { file, text: readFileSync(file, 'utf8') }, host: fileSystemHost(file) });

  it('emits valid objects for its cluster, the imported policy included', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const ir = result.ir!;
    expect(ir.clusters.map((c) => c.name)).toEqual(['prod']);
    // 2 namespaces, 4 inline and 1 imported policies, the enforcer's 4 objects, 1 ConfigMap, 3 nodes.
    expect(expectAllValid(ir)).toBe(15);
    const policies = k8sEmitter.emit(ir).find((f) => f.path === 'k8s/prod/network-policies.yaml')!.contents;
    expect([...policies.matchAll(/^  name: (.*)$/gm)].map((m) => m[1])).toEqual(['allow-dns', 'default-deny', 'prometheus-scrapes-shop', 'web-egress', 'web-to-api']);
  });
});
