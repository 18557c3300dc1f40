// security-group-unused: a group no VM of its VPC lists.
import { securityGroupUnused } from '../../../src/analysis/rules/security-group-unused.js';
import { IR_ONLY, testRule } from '../rule-tester.js';

const spec = (groups: string): string => `thrice: 1
name: t
fabric:
  loopbacks: 10.255.0.0/16
  asn: {spine: 65000, leaf: 65100-65999}
  spines: 1
  leaves: 1
  hosts: [{name: hv1, leaf: leaf1}]
vpcs:
  - name: blue
    vni: 50001
    cidr: 10.1.0.0/16
    subnets: [{name: a, cidr: 10.1.1.0/24, vni: 10101}]
    vms: [{name: vm-1, host: hv1, subnet: a, securityGroups: [web]}]
    securityGroups:
${groups}`;

testRule(
  securityGroupUnused,
  {
    valid: [{ name: 'the only group is attached', spec: spec('      - {name: web, ingress: [{from: any, proto: tcp, ports: [443]}]}\n') }],
    invalid: [
      {
        name: 'a second group nobody lists',
        spec: spec('      - {name: web, ingress: [{from: any, proto: tcp, ports: [443]}]}\n      - {name: old-web, ingress: [{from: any, proto: tcp, ports: [80]}]}\n'),
        findings: [{ line: 17, column: 16 }],
      },
    ],
  },
  IR_ONLY,
);
