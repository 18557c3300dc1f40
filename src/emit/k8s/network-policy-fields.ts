// The fields of networking.k8s.io/v1 NetworkPolicy, for the unknown-field check the OpenAPI schema cannot make.
import type { FieldSet } from './find-unknown-fields.js';

const LABEL_SELECTOR: FieldSet = {
  matchLabels: 'value',
  matchExpressions: { listOf: { key: 'value', operator: 'value', values: 'value' } },
};

const PEER: FieldSet = {
  podSelector: { mapping: LABEL_SELECTOR },
  namespaceSelector: { mapping: LABEL_SELECTOR },
  ipBlock: { mapping: { cidr: 'value', except: 'value' } },
};

const PORT: FieldSet = { protocol: 'value', port: 'value', endPort: 'value' };

/** metav1.ObjectMeta, including the fields the server fills in (they appear in `kubectl get -o yaml` exports). */
const OBJECT_META: FieldSet = Object.fromEntries(
  [
    'annotations', 'creationTimestamp', 'deletionGracePeriodSeconds', 'deletionTimestamp', 'finalizers', 'generateName',
    'generation', 'labels', 'managedFields', 'name', 'namespace', 'ownerReferences', 'resourceVersion', 'selfLink', 'uid',
  ].map((field) => [field, 'value' as const]),
);

export const NETWORK_POLICY_FIELDS: FieldSet = {
  apiVersion: 'value',
  kind: 'value',
  metadata: { mapping: OBJECT_META },
  spec: {
    mapping: {
      podSelector: { mapping: LABEL_SELECTOR },
      policyTypes: 'value',
      ingress: { listOf: { from: { listOf: PEER }, ports: { listOf: PORT } } },
      egress: { listOf: { to: { listOf: PEER }, ports: { listOf: PORT } } },
    },
  },
  // Served by some API versions (1.24 to 1.27) and present in exports from them; always empty in practice.
  status: 'value',
};
