// ipblock-in-pod-cidr: ipBlocks inside the pod CIDR, inline and imported; wider blocks are left alone.
import { ipblockInPodCidr } from '../../../src/analysis/rules/ipblock-in-pod-cidr.js';
import { IR_ONLY, testRule } from '../rule-tester.js';

testRule(
  ipblockInPodCidr,
  {
    valid: [
      {
        name: 'external ranges, and the whole address space minus the pod CIDR',
        spec: `thrice: 1
name: t
clusters:
  - name: c
    podCidr: 10.244.0.0/16
    networkPolicies:
      - metadata: {name: out, namespace: shop}
        spec:
          podSelector: {}
          egress:
            - to: [{ipBlock: {cidr: 192.0.2.0/24}}, {ipBlock: {cidr: 0.0.0.0/0, except: [10.244.0.0/16]}}, {ipBlock: {cidr: 10.0.0.0/8}}]
`,
      },
    ],
    invalid: [
      {
        name: "a node's pod subnet inline, and the whole pod CIDR in a manifest",
        spec: `thrice: 1
name: t
clusters:
  - name: c
    podCidr: 10.244.0.0/16
    manifests: [k8s/*.yaml]
    networkPolicies:
      - metadata: {name: from-node, namespace: shop}
        spec:
          podSelector: {}
          ingress:
            - from:
                - podSelector: {}
                - ipBlock: {cidr: 10.244.1.0/24}
`,
        manifests: {
          'k8s/policy.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: to-pods, namespace: shop}
spec:
  podSelector: {}
  egress:
    - to:
        - ipBlock: {cidr: 10.244.0.0/16, except: [10.244.9.0/24]}
`,
        },
        findings: [
          { file: 'k8s/policy.yaml', line: 8, column: 11 },
          { line: 14, column: 19 },
        ],
      },
    ],
  },
  IR_ONLY,
);
