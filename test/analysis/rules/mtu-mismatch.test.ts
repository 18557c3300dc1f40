// mtu-mismatch: VMs of one subnet with different MTUs; different subnets may differ.
import { mtuMismatch } from '../../../src/analysis/rules/mtu-mismatch.js';
import { IR_ONLY, testRule } from '../rule-tester.js';

/** Lines 1-15: a fabric and VPC blue with subnets a and b; the VMs start at line 15. */
const spec = (vms: string): string => `thrice: 1
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
    subnets: [{name: a, cidr: 10.1.1.0/24, vni: 10101}, {name: b, cidr: 10.1.2.0/24, vni: 10102}]
    vms:
${vms}`;

testRule(
  mtuMismatch,
  {
    valid: [
      {
        name: 'one MTU per subnet, different between subnets',
        spec: spec(`      - {name: a-1, host: hv1, subnet: a}
      - {name: a-2, host: hv1, subnet: a, mtu: 9166}
      - {name: b-1, host: hv1, subnet: b, mtu: 1500}
      - {name: b-2, host: hv1, subnet: b, mtu: 1500}
`),
      },
    ],
    invalid: [
      {
        name: 'two pinned MTUs below the default of their neighbour',
        spec: spec(`      - {name: a-1, host: hv1, subnet: a}
      - {name: a-2, host: hv1, subnet: a, mtu: 1500}
      - {name: a-3, host: hv1, subnet: a, mtu: 9000}
`),
        findings: [
          { line: 16, column: 48 },
          { line: 17, column: 48 },
        ],
      },
    ],
  },
  IR_ONLY,
);
