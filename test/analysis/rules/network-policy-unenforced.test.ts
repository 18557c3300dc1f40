// network-policy-unenforced: cni.policy none with policies, reported at the first policy (inline, else imported).
import { networkPolicyUnenforced } from '../../../src/analysis/rules/network-policy-unenforced.js';
import { IR_ONLY, testRule } from '../rule-tester.js';
import { layeredSpec } from '../layered-spec.js';

// Written out of name order: the finding points at the first one in the spec, not the first by name.
const inline = [
  '    networkPolicies:',
  '      - metadata: {name: zz-deny, namespace: shop}',
  '        spec: {podSelector: {}, policyTypes: [Ingress]}',
  '      - metadata: {name: aa-allow, namespace: shop}',
  '        spec: {podSelector: {}, ingress: [{}]}',
].join('\n');
const manifests = '    manifests: [k8s/*.yaml]';
const imported = { 'k8s/deny.yaml': '# a default deny\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec: {podSelector: {}}\n' };

testRule(
  networkPolicyUnenforced,
  {
    valid: [
      { name: 'none without policies', spec: layeredSpec({ policy: 'none' }) },
      { name: 'policies enforced', spec: layeredSpec({ policy: 'kube-network-policies', extra: inline }) },
      // network-policy-enforcer-unset reports this one.
      { name: 'policy unset', spec: layeredSpec({ extra: inline }) },
    ],
    invalid: [
      { name: 'inline policies', spec: layeredSpec({ policy: 'none', extra: inline }), findings: [{ line: 42, column: 9 }] },
      { name: 'imported policies', spec: layeredSpec({ policy: 'none', extra: manifests }), manifests: imported, findings: [{ line: 2, column: 1, file: 'k8s/deny.yaml' }] },
      { name: 'inline before imported', spec: layeredSpec({ policy: 'none', extra: `${manifests}\n${inline}` }), manifests: imported, findings: [{ line: 43, column: 9 }] },
    ],
  },
  IR_ONLY,
);
