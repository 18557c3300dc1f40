// host-network-workload: spec workloads at their hostNetwork, imported controllers once at their manifest.
import { expect, it } from 'vitest';
import { hostNetworkWorkload } from '../../../src/analysis/rules/host-network-workload.js';
import { IR_ONLY, findingsOf, testRule } from '../rule-tester.js';

const firing = {
  name: 'a spec DaemonSet and an imported Deployment of two replicas',
  spec: `thrice: 1
name: t
clusters:
  - name: c
    workloads:
      - name: agent
        namespace: kube-system
        kind: DaemonSet
        hostNetwork: true
    manifests: [k8s/*.yaml]
    networkPolicies:
      - metadata: {name: deny, namespace: kube-system}
        spec: {podSelector: {}}
`,
  manifests: {
    'k8s/exporter.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: exporter, namespace: monitoring}
spec:
  replicas: 2
  selector: {matchLabels: {app: exporter}}
  template:
    metadata: {labels: {app: exporter}}
    spec:
      hostNetwork: true
      containers: [{name: e, image: e}]
`,
  },
  findings: [
    { file: 'k8s/exporter.yaml', line: 1, column: 1 },
    { line: 9, column: 22 },
  ],
};

testRule(
  hostNetworkWorkload,
  {
    valid: [
      {
        name: 'pods on the pod network, hostNetwork written as false',
        spec: `thrice: 1
name: t
clusters:
  - name: c
    workloads:
      - {name: web, namespace: shop, hostNetwork: false}
`,
      },
    ],
    invalid: [firing],
  },
  IR_ONLY,
);

it('names the policies that select a host-network workload yet never apply to it', () => {
  const [agent] = findingsOf(hostNetworkWorkload, firing, IR_ONLY).filter((d) => d.location?.file === 'spec.yaml');
  expect(agent?.related.map((r) => `${r.location.line}:${r.location.column}`)).toEqual(['12:9']);
});
