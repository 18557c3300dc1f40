// Rule: inline NetworkPolicies are valid networking.k8s.io/v1 objects, checked against the Kubernetes API schema.
import type { SemanticRule } from './semantic-rule.js';
import { findK8sObjectProblems } from '../../emit/k8s/validate-k8s-object.js';

export const inlineNetworkPolicies: SemanticRule = {
  name: 'inline-network-policies',
  codes: [{ code: 'invalid-network-policy', severity: 'error', summary: 'An inline NetworkPolicy breaks the Kubernetes API schema (types, enums, unknown fields).' }],
  check(spec, ctx) {
    (spec.clusters ?? []).forEach((cluster, ci) =>
      (cluster.networkPolicies ?? []).forEach((policy, pi) => {
        const object = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', ...policy };
        for (const problem of findK8sObjectProblems(object)) {
          const where = problem.path.length === 0 ? 'the policy' : problem.path.map(String).join('.');
          ctx.report('invalid-network-policy', ['clusters', ci, 'networkPolicies', pi, ...problem.path], `${where}: ${problem.message}`, {
            hint: 'inline policies use the standard networking.k8s.io/v1 NetworkPolicy shape',
          });
        }
      }),
    );
  },
};
