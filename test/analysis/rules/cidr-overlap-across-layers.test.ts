// cidr-overlap-across-layers: VPCs reusing the fabric's loopback or link pool.
import { cidrOverlapAcrossLayers } from '../../../src/analysis/rules/cidr-overlap-across-layers.js';
import { IR_ONLY, testRule } from '../rule-tester.js';

/** Lines 1-11: a numbered fabric; the VPCs follow from line 12. */
const spec = (vpcs: string): string => `thrice: 1
name: t
fabric:
  loopbacks: 10.255.0.0/24
  links: 10.254.0.0/24
  asn: {spine: 65000, leaf: 65100-65999}
  spines: 1
  leaves: 2
  hosts:
    - {name: hv1, leaf: leaf1}
vpcs:
${vpcs}`;

testRule(
  cidrOverlapAcrossLayers,
  {
    valid: [
      {
        name: 'tenant ranges apart from the underlay (two tenants may share one, in their own VRFs)',
        spec: spec(`  - {name: blue, vni: 50001, cidr: 10.1.0.0/16, subnets: [{name: a, cidr: 10.1.1.0/24, vni: 10101}]}
  - {name: green, vni: 50002, cidr: 10.1.0.0/16, subnets: [{name: a, cidr: 10.1.1.0/24, vni: 10201}]}
`),
      },
    ],
    invalid: [
      {
        name: 'a VPC over the loopback pool and one inside the link pool',
        spec: spec(`  - name: blue
    vni: 50001
    cidr: 10.255.0.0/16
    subnets: [{name: a, cidr: 10.255.1.0/24, vni: 10101}]
  - name: green
    vni: 50002
    cidr: 10.254.0.0/25
    subnets: [{name: a, cidr: 10.254.0.0/26, vni: 10201}]
`),
        findings: [
          { line: 14, column: 11 },
          { line: 18, column: 11 },
        ],
      },
    ],
  },
  IR_ONLY,
);
