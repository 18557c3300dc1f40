// namespace-without-default-deny: declared, implied and imported namespaces, each direction on its own.
import { namespaceWithoutDefaultDeny } from '../../../src/analysis/rules/namespace-without-default-deny.js';
import { IR_ONLY, testRule } from '../rule-tester.js';

const denyBoth = `
      - metadata: {name: deny, namespace: shop}
        spec: {podSelector: {}, policyTypes: [Ingress, Egress]}`;

testRule(namespaceWithoutDefaultDeny, {
  valid: [
    {
      name: 'both directions denied; a namespace of host-network pods only is skipped',
      spec: `thrice: 1
name: t
clusters:
  - name: c
    namespaces: [{name: shop}]
    workloads:
      - {name: agent, namespace: kube-system, hostNetwork: true}
    networkPolicies:${denyBoth}
`,
    },
  ],
  invalid: [
    {
      name: 'ingress only, an allow-all egress policy, an implied namespace and an imported one',
      spec: `thrice: 1
name: t
clusters:
  - name: c
    namespaces:
      - {name: shop}
    workloads:
      - {name: web, namespace: web}
    manifests: [k8s/*.yaml]
    networkPolicies:
      - metadata: {name: deny-in, namespace: shop}
        spec: {podSelector: {}}
      - metadata: {name: open-out, namespace: shop}
        spec: {podSelector: {}, policyTypes: [Egress], egress: [{}]}
`,
      manifests: {
        'k8s/ns.yaml': `apiVersion: v1
kind: Namespace
metadata: {name: batch}
`,
      },
      findings: [
        { line: 6, column: 16 }, // shop: Egress (the egress policy allows everything)
        { line: 8, column: 32 }, // web, implied by its workload: Ingress
        { line: 8, column: 32 }, // web: Egress
        { file: 'k8s/ns.yaml', line: 1, column: 1 }, // batch: Ingress
        { file: 'k8s/ns.yaml', line: 1, column: 1 }, // batch: Egress
      ],
    },
  ],
}, IR_ONLY);
