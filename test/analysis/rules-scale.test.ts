// Scale guard: the IR-level rules over 10,000 pods in 500 namespaces under 2,000 NetworkPolicies stay well inside the budget.
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/analysis/run-rules.js';
import { analysisRules } from '../../src/analysis/rules/index.js';
import type { PathModel } from '../../src/analysis/paths/path-model.js';
import { createPathModel } from '../../src/analysis/paths/create-path-model.js';
import { buildTopology } from '../../src/compile/pipeline.js';

/** 500 namespaces of 20 bare pods with unique labels, and 4 policies each: deny, DNS, same-team ingress, an ipBlock. */
function manifests(): string {
  const docs: string[] = [];
  for (let n = 0; n < 500; n++) {
    const ns = `ns-${n}`;
    docs.push(`{apiVersion: v1, kind: Namespace, metadata: {name: ${ns}, labels: {team: t${n % 25}}}}`);
    for (let i = 0; i < 20; i++) {
      docs.push(`{apiVersion: v1, kind: Pod, metadata: {name: p${i}, namespace: ${ns}, labels: {app: a${i % 5}, id: "${n}-${i}"}}, spec: {containers: [{name: c, image: i, ports: [{name: http, containerPort: ${8080 + (i % 3)}}]}]}}`);
    }
    const policy = (name: string, spec: string): string => `{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: ${name}, namespace: ${ns}}, spec: ${spec}}`;
    docs.push(policy('deny', '{podSelector: {}, policyTypes: [Ingress, Egress]}'));
    docs.push(policy('dns', '{podSelector: {matchLabels: {app: a0}}, egress: [{to: [{namespaceSelector: {}, podSelector: {matchLabels: {k8s-app: kube-dns}}}], ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]}]}'));
    docs.push(policy('team', `{podSelector: {matchLabels: {app: a1}}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: t${n % 25}}}, podSelector: {matchLabels: {app: a0}}}], ports: [{port: http}]}]}`));
    docs.push(policy('out', `{podSelector: {matchLabels: {app: a2}}, egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.${n % 200}.0.0/16]}}], ports: [{protocol: UDP, port: 53}]}]}`));
  }
  return docs.join('\n---\n');
}

describe('analysis rules at scale', () => {
  it('run in well under a second over 10,000 pods and 2,000 policies', () => {
    const text = manifests();
    const spec = 'thrice: 1\nname: scale\nclusters:\n  - name: big\n    manifests: [k8s/all.yaml]\n';
    const result = buildTopology({ spec: { file: 'scale.yaml', text: spec }, host: { readManifests: () => [{ file: 'k8s/all.yaml', text }] } });
    expect(result.ir?.clusters[0]?.policyModel.pods).toHaveLength(10_000);
    let model: PathModel | undefined;
    const started = performance.now();
    const input = {
      ir: result.ir!,
      spec: result.spec!,
      get paths(): PathModel {
        return (model ??= createPathModel(result.ir!));
      },
    };
    const findings = runRules(input, result.source!.spans, analysisRules);
    const elapsed = performance.now() - started;
    console.log(`all rules: ${elapsed.toFixed(0)} ms`);
    // Every namespace: a3/a4 pods can reach no DNS (error), a2 pods only on UDP, folded into it.
    expect(findings.filter((d) => d.code === 'dns-blocked-by-egress-deny')).toHaveLength(500);
    expect(elapsed).toBeLessThan(1500);
  });
});
