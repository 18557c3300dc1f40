// Hostile input: the same network with its NetworkPolicies' keys in another order compiles to byte-identical outputs.
import { describe, expect, it } from 'vitest';
import { compileTopology, type CompilerHost } from '../../src/compile/pipeline.js';
import type { OutputFile } from '../../src/emit/emitter.js';

const cluster = (policies: string) => `thrice: 1
name: keys
clusters:
  - name: prod
    manifests: [k8s/*.yaml]
    namespaces:
      - {name: shop, labels: {team: shop, tier: front}}
    networkPolicies:
${policies}`;

const inlineA = `      - metadata: {name: web-in, namespace: shop, labels: {b: "2", a: "1"}}
        spec:
          podSelector: {matchLabels: {app: web, origin: eu}}
          policyTypes: [Ingress]
          ingress:
            - from: [{namespaceSelector: {matchLabels: {team: shop}}, podSelector: {matchLabels: {app: api}}}]
              ports: [{protocol: TCP, port: 8080}]
`;
const inlineB = `      - spec:
          ingress:
            - ports: [{port: 8080, protocol: TCP}]
              from: [{podSelector: {matchLabels: {app: api}}, namespaceSelector: {matchLabels: {team: shop}}}]
          policyTypes: [Ingress]
          podSelector: {matchLabels: {origin: eu, app: web}}
        metadata: {labels: {a: "1", b: "2"}, namespace: shop, name: web-in}
`;

const manifestA = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-egress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Egress]
  egress:
    - to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]
      ports: [{protocol: TCP, port: 5432, endPort: 5440}]
---
apiVersion: v1
kind: Pod
metadata: {name: api-0, namespace: shop, labels: {app: api, team: shop}}
spec:
  containers: [{name: api, image: api:1, ports: [{containerPort: 9090, name: grpc}]}]
`;
const manifestB = `spec:
  egress:
    - ports: [{endPort: 5440, port: 5432, protocol: TCP}]
      to: [{ipBlock: {except: [10.1.0.0/16], cidr: 10.0.0.0/8}}]
  policyTypes: [Egress]
  podSelector: {matchLabels: {app: api}}
metadata: {namespace: shop, name: api-egress}
kind: NetworkPolicy
apiVersion: networking.k8s.io/v1
---
metadata: {labels: {team: shop, app: api}, namespace: shop, name: api-0}
spec:
  containers: [{ports: [{name: grpc, containerPort: 9090}], image: api:1, name: api}]
kind: Pod
apiVersion: v1
`;

/** The manifests as one in-memory file at the same path, so that nothing but key order differs. */
function hostWith(text: string): CompilerHost {
  return { readManifests: () => [{ file: 'k8s/policies.yaml', text }] };
}

function outputs(spec: string, manifest: string): readonly OutputFile[] {
  const result = compileTopology({ spec: { file: 'spec.yaml', text: spec }, host: hostWith(manifest) });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.outputs ?? [];
}

describe('key order of NetworkPolicies', () => {
  const a = outputs(cluster(inlineA), manifestA);
  const b = outputs(cluster(inlineB), manifestB);

  it('gives byte-identical ir.json', () => {
    const ir = (files: readonly OutputFile[]) => files.find((f) => f.path === 'ir.json')?.contents;
    expect(ir(a)).toBeDefined();
    expect(ir(b)).toBe(ir(a));
  });

  it('gives byte-identical Kubernetes manifests (and every other output)', () => {
    expect(a.some((f) => f.path.startsWith('k8s/'))).toBe(true);
    expect(b.map((f) => [f.path, f.contents])).toEqual(a.map((f) => [f.path, f.contents]));
  });

  it('keeps a label named `origin` in ir.json (only spec paths called origin are left out)', () => {
    const ir = JSON.parse(a.find((f) => f.path === 'ir.json')?.contents ?? '{}') as { clusters: { networkPolicies: { object: { spec: { podSelector: unknown } }; origin?: unknown }[] }[] };
    const policy = ir.clusters[0]?.networkPolicies[0];
    expect(policy?.object.spec.podSelector).toEqual({ matchLabels: { app: 'web', origin: 'eu' } });
    expect(policy?.origin).toBeUndefined();
  });
});
