// host-port-workload: a container port published on the node's address, pointed at its hostPort.
import { hostPortWorkload } from '../../../src/analysis/rules/host-port-workload.js';
import { IR_ONLY, testRule } from '../rule-tester.js';

testRule(hostPortWorkload, {
  valid: [
    {
      name: 'container ports only; a host-network workload is left to host-network-workload',
      spec: `thrice: 1
name: t
clusters:
  - name: c
    workloads:
      - {name: web, namespace: shop, ports: [{port: 8080}]}
      - {name: agent, namespace: kube-system, hostNetwork: true, ports: [{port: 9100, hostPort: 9100}]}
`,
    },
  ],
  invalid: [
    {
      name: 'the second port of a workload has a hostPort',
      spec: `thrice: 1
name: t
clusters:
  - name: c
    workloads:
      - name: ingress
        namespace: edge
        ports:
          - {port: 8080}
          - {port: 8443, hostPort: 443}
`,
      findings: [{ line: 10, column: 36 }],
    },
  ],
}, IR_ONLY);
