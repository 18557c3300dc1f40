// firewall-rule-shadowed: first-match firewalls (redundant and conflicting rules) and unordered security groups.
import { firewallRuleShadowed } from '../../../src/analysis/rules/firewall-rule-shadowed.js';
import { IR_ONLY, testRule } from '../rule-tester.js';

/** Lines 1-10: VPC blue with security group g (its three ingress rules on lines 11-13); firewall f's rules from line 18. */
const spec = (ingress: string, rules: string): string => `thrice: 1
name: t
vpcs:
  - name: blue
    vni: 50001
    cidr: 10.1.0.0/16
    subnets: [{name: a, cidr: 10.1.1.0/24, vni: 10101}, {name: b, cidr: 10.1.2.0/24, vni: 10102}]
    securityGroups:
      - name: g
        ingress:
${ingress}
firewalls:
  - name: f
    at: border
    rules:
${rules}`;

testRule(
  firewallRuleShadowed,
  {
    valid: [
      {
        name: 'an exception above its general rule; overlapping but not covering ranges, ports and protocols',
        spec: spec(
          `          - {from: subnet:blue/a, proto: tcp, ports: [22]}
          - {from: vpc:blue, proto: udp, ports: [22]}
          - {from: 10.1.1.0/25, proto: tcp, ports: ["20-30"]}`,
          `      - {action: allow, from: subnet:blue/a, to: any, proto: tcp, ports: [22]}
      - {action: deny, from: vpc:blue, to: any, proto: tcp, ports: [22]}
      - {action: deny, from: vpc:blue, to: any, proto: any, ports: ["1-100"]}
      - {action: allow, from: any, to: any, proto: icmp}
`,
        ),
      },
    ],
    invalid: [
      {
        name: 'a redundant rule, an exception written below its general rule, and two equal group rules',
        spec: spec(
          `          - {from: vpc:blue, proto: tcp}
          - {from: subnet:blue/a, proto: tcp, ports: [22, 80]}
          - {from: 10.1.0.0/16, proto: tcp}`,
          `      - {action: deny, from: vpc:blue, to: any}
      - {action: deny, from: subnet:blue/b, to: any, proto: udp, ports: [53]}
      - {action: allow, from: 10.1.1.10/32, to: any, proto: icmp}
      - {action: allow, from: any, to: any, proto: tcp}
`,
        ),
        findings: [
          { line: 12, column: 13 }, // group: covered by rule 1
          { line: 13, column: 13 }, // group: equal to rule 1, the later one is reported
          { line: 19, column: 9 }, // firewall: a deny inside the deny above it
          { line: 20, column: 9 }, // firewall: an allow the first deny shadows
        ],
      },
    ],
  },
  IR_ONLY,
);
