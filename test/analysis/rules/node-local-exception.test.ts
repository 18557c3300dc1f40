// node-local-exception: hostNetwork workloads next to pods of ingress-isolated namespaces.
import { nodeLocalException } from '../../../src/analysis/rules/node-local-exception.js';
import { testRule } from '../rule-tester.js';
import { layeredSpec } from '../layered-spec.js';

const denyIngress = ['    networkPolicies:', '      - metadata: {name: deny, namespace: shop}', '        spec: {podSelector: {}, policyTypes: [Ingress]}'].join('\n');

const enforced = 'kube-network-policies';

testRule(nodeLocalException, {
  valid: [
    { name: 'no namespace isolates ingress', spec: layeredSpec({ policy: enforced }) },
    // Nothing enforces the policies (network-policy-unenforced says so): no pod is isolated from anything.
    { name: 'policies without an enforcer', spec: layeredSpec({ policy: 'none', extra: denyIngress }) },
  ],
  invalid: [{ name: 'a DaemonSet on the host network next to default-deny pods', spec: layeredSpec({ policy: enforced, extra: denyIngress }), findings: [{ line: 39, column: 77 }] }],
});
