// Diagnostic codes reported while reading Kubernetes manifests (imported files and `thrice connectivity` input).
import { defineCodes } from '../diagnostics/code-catalog.js';

export const manifestCodes = defineCodes([
  { code: 'k8s-invalid-object', severity: 'error', summary: 'A manifest item is not a Kubernetes object (no mapping, kind or metadata.name).' },
  { code: 'k8s-invalid-field', severity: 'error', summary: 'A field of a Kubernetes object has the wrong type or value.' },
  { code: 'k8s-invalid-label', severity: 'error', summary: 'A label key or value breaks Kubernetes label syntax.' },
  { code: 'k8s-invalid-selector', severity: 'error', summary: 'A label selector is malformed (unknown operator, values where none are allowed, ...).' },
  { code: 'k8s-invalid-port', severity: 'error', summary: 'A container or service port is malformed.' },
  { code: 'k8s-duplicate-object', severity: 'warning', summary: 'The same object is defined twice; the last definition wins (two NetworkPolicies with one name are an error).' },
  { code: 'k8s-workload-pods-differ', severity: 'warning', summary: "A workload's pods are treated differently by the policies; the listing shows its first pod." },
  { code: 'k8s-ignored-kind', severity: 'info', summary: 'A kind that says nothing about pod connectivity was skipped.' },
  { code: 'netpol-invalid-cidr', severity: 'error', summary: 'An ipBlock cidr is not a valid CIDR.' },
  { code: 'netpol-except-outside-cidr', severity: 'error', summary: 'An ipBlock except is not strictly inside its cidr.' },
  { code: 'netpol-invalid-policy-type', severity: 'error', summary: 'A policyTypes entry is neither Ingress nor Egress.' },
  { code: 'netpol-invalid-port', severity: 'error', summary: 'A NetworkPolicy port is neither a valid number nor a valid port name.' },
  { code: 'netpol-invalid-protocol', severity: 'error', summary: 'A NetworkPolicy protocol is not TCP, UDP or SCTP.' },
  { code: 'netpol-invalid-end-port', severity: 'error', summary: 'endPort is below port, or is used with a named port.' },
  { code: 'netpol-empty-peer', severity: 'error', summary: 'A from/to peer has none of podSelector, namespaceSelector and ipBlock.' },
  { code: 'netpol-invalid-peer', severity: 'error', summary: 'A peer combines ipBlock with a selector.' },
  { code: 'netpol-missing-pod-selector', severity: 'warning', summary: 'A NetworkPolicy has no podSelector (the API server requires one; read as `{}`).' },
  { code: 'netpol-named-port-external', severity: 'warning', summary: 'An egress rule names a port, which can never match an external address.' },
  { code: 'netpol-ipv6-ignored', severity: 'info', summary: 'An IPv6 ipBlock was ignored; thrice analyses IPv4.' },
]);
