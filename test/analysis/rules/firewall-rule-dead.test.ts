// firewall-rule-dead: rules whose addresses resolve to nothing, and ICMP rules with ports.
import { firewallRuleDead } from '../../../src/analysis/rules/firewall-rule-dead.js';
import { IR_ONLY, testRule } from '../rule-tester.js';

/** Lines 1-11: VPC blue with security group g (its ingress rules follow line 11); `firewall` rules follow line 15. */
const spec = (ingress: string, rules: string): string => `thrice: 1
name: t
vpcs:
  - name: blue
    vni: 50001
    cidr: 10.1.0.0/16
    subnets: [{name: a, cidr: 10.1.1.0/24, vni: 10101}]
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
  firewallRuleDead,
  {
    valid: [
      {
        name: 'rules over real ranges; ICMP without ports',
        spec: spec('          - {from: vpc:blue, proto: icmp}', '      - {action: deny, from: 192.0.2.0/24, to: vpc:blue, proto: tcp, ports: [22]}\n'),
      },
    ],
    invalid: [
      {
        name: '`loopbacks` in a spec without a fabric, and ICMP with ports',
        spec: spec(
          '          - {from: loopbacks, proto: tcp, ports: [22]}',
          '      - {action: deny, from: any, to: loopbacks}\n      - {action: allow, from: any, to: vpc:blue, proto: icmp, ports: [8]}\n',
        ),
        findings: [
          { line: 11, column: 13 },
          { line: 16, column: 9 },
          { line: 17, column: 9 },
        ],
      },
    ],
  },
  IR_ONLY,
);
