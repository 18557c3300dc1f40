// security-group-open-ingress: ingress from anywhere without ports; ports, narrower sources and ICMP are fine.
import { securityGroupOpenIngress } from '../../../src/analysis/rules/security-group-open-ingress.js';
import { IR_ONLY, testRule } from '../rule-tester.js';

/** Lines 1-10: VPC blue with security group g; its ingress rules start at line 11. */
const spec = (ingress: string): string => `thrice: 1
name: t
vpcs:
  - name: blue
    vni: 50001
    cidr: 10.1.0.0/16
    subnets: [{name: a, cidr: 10.1.1.0/24, vni: 10101}]
    securityGroups:
      - name: g
        ingress:
${ingress}`;

testRule(
  securityGroupOpenIngress,
  {
    valid: [
      {
        name: 'ports from anywhere, everything from the VPC, ICMP from anywhere',
        spec: spec(`          - {from: 0.0.0.0/0, proto: tcp, ports: [443]}
          - {from: vpc:blue}
          - {from: any, proto: icmp}
`),
      },
    ],
    invalid: [
      {
        name: 'every protocol from any, every UDP port from 0.0.0.0/0',
        spec: spec(`          - {from: any}
          - {from: 0.0.0.0/0, proto: udp}
`),
        findings: [
          { line: 11, column: 13 },
          { line: 12, column: 13 },
        ],
      },
    ],
  },
  IR_ONLY,
);
