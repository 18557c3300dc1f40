// dns-blocked-by-egress-deny: egress-isolated pods, with and without a rule that reaches kube-dns on port 53.
import { dnsBlockedByEgressDeny } from '../../../src/analysis/rules/dns-blocked-by-egress-deny.js';
import { IR_ONLY, testRule } from '../rule-tester.js';

/** Lines 1-13: web and api in shop, an empty namespace, both denying all egress; `extra` starts at line 14. */
const spec = (extra: string): string => `thrice: 1
name: t
clusters:
  - name: c
    namespaces: [{name: shop}, {name: empty}]
    workloads:
      - {name: web, namespace: shop, labels: {app: web}}
      - {name: api, namespace: shop, labels: {app: api}}
    networkPolicies:
      - metadata: {name: deny, namespace: shop}
        spec: {podSelector: {}, policyTypes: [Egress]}
      - metadata: {name: deny, namespace: empty}
        spec: {podSelector: {}, policyTypes: [Egress]}
${extra}`;

const dnsPodManifest = `apiVersion: v1
kind: Pod
metadata: {name: dns, namespace: infra, labels: {k8s-app: kube-dns}}
spec:
  containers:
    - name: dns
      image: coredns
      ports: [{name: domain, containerPort: 53, protocol: UDP}, {name: domain-tcp, containerPort: 53}]
`;

testRule(
  dnsBlockedByEgressDeny,
  {
    valid: [
      {
        name: 'kube-dns selected by namespace and pod (a named port of stock CoreDNS), and an allow-all egress rule',
        spec: spec(`      - metadata: {name: dns, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
              ports: [{protocol: UDP, port: dns}, {protocol: TCP, port: 53}]
      - metadata: {name: open, namespace: empty}
        spec: {podSelector: {}, policyTypes: [Egress], egress: [{}]}
`),
      },
      {
        name: 'an imported DNS pod reached through its own named ports, and every namespace on port 53',
        spec: spec(`      - metadata: {name: dns, namespace: shop}
        spec:
          podSelector: {}
          egress: [{to: [{namespaceSelector: {}, podSelector: {matchLabels: {k8s-app: kube-dns}}}], ports: [{protocol: UDP, port: domain}, {protocol: TCP, port: domain-tcp}]}]
      - metadata: {name: dns, namespace: empty}
        spec:
          podSelector: {}
          egress: [{to: [{namespaceSelector: {}}], ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]}]
    manifests: [k8s/*.yaml]
`),
        manifests: { 'k8s/dns.yaml': dnsPodManifest },
      },
    ],
    invalid: [
      {
        name: 'an ipBlock for the service address does not count; a namespace without pods is checked too',
        spec: spec(`      - metadata: {name: udp-only, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          egress: [{to: [{namespaceSelector: {}}], ports: [{protocol: UDP, port: 53}]}]
      - metadata: {name: service-ip, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          egress: [{to: [{ipBlock: {cidr: 10.96.0.10/32}}], ports: [{protocol: UDP, port: 53}]}]
`),
        findings: [
          { line: 10, column: 9 }, // shop: web has no UDP 53 (api's TCP-only gap is folded into the error)
          { line: 12, column: 9 }, // empty: the pods it will run
        ],
      },
      {
        name: 'UDP 53 allowed but not TCP 53',
        spec: spec(`      - metadata: {name: udp-only, namespace: shop}
        spec:
          podSelector: {}
          egress: [{to: [{namespaceSelector: {}}], ports: [{protocol: UDP, port: 53}]}]
      - metadata: {name: open, namespace: empty}
        spec: {podSelector: {}, egress: [{}]}
`),
        findings: [{ line: 10, column: 9, severity: 'warning' }],
      },
    ],
  },
  IR_ONLY,
);
