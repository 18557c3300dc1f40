// network-policy-enforcer-unset: a cluster with NetworkPolicies, inline or imported, whose cni.policy is not set.
import { networkPolicyEnforcerUnset } from '../../../src/analysis/rules/network-policy-enforcer-unset.js';
import { IR_ONLY, testRule } from '../rule-tester.js';
import { layeredSpec } from '../layered-spec.js';

const denyIngress = ['    networkPolicies:', '      - metadata: {name: deny, namespace: shop}', '        spec: {podSelector: {}, policyTypes: [Ingress]}'].join('\n');
const manifests = '    manifests: [k8s/*.yaml]';
const imported = { 'k8s/deny.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec: {podSelector: {}}\n' };

testRule(
  networkPolicyEnforcerUnset,
  {
    valid: [
      { name: 'no policies, no enforcer named', spec: layeredSpec() },
      { name: 'policies enforced', spec: layeredSpec({ policy: 'kube-network-policies', extra: denyIngress }) },
      // network-policy-unenforced reports this one.
      { name: 'policies declared documents', spec: layeredSpec({ policy: 'none', extra: denyIngress }) },
    ],
    invalid: [
      { name: 'inline policies, policy unset', spec: layeredSpec({ extra: denyIngress }), findings: [{ line: 36, column: 5 }] },
      { name: 'imported policies, policy unset', spec: layeredSpec({ extra: manifests }), manifests: imported, findings: [{ line: 36, column: 5 }] },
    ],
  },
  IR_ONLY,
);
