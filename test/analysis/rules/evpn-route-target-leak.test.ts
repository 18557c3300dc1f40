// evpn-route-target-leak: a VPC bridging two unpeered tenants, and a VRF importing a stranger's route target.
import { evpnRouteTargetLeak } from '../../../src/analysis/rules/evpn-route-target-leak.js';
import type { TopologyIR } from '../../../src/ir/topology-ir.js';
import { IR_ONLY, testRule } from '../rule-tester.js';

const vpc = (name: string, vni: number, octet: number, peerings = ''): string =>
  `  - {name: ${name}, vni: ${vni}, cidr: 10.${octet}.0.0/16, subnets: [{name: s, cidr: 10.${octet}.1.0/24, vni: ${vni + 100}}]${peerings}}\n`;

const spec = (...vpcs: string[]): string => `thrice: 1\nname: t\nvpcs:\n${vpcs.join('')}`;

/** Green's VRF imports red's route target, which no peering asks for. */
const leakRedIntoGreen = (ir: TopologyIR): TopologyIR => ({
  ...ir,
  overlay: {
    ...ir.overlay,
    vpcs: ir.overlay.vpcs.map((v) => (v.name === 'green' ? { ...v, routeTargetImports: [...v.routeTargetImports, '65000:50003'] } : v)),
  },
});

testRule(
  evpnRouteTargetLeak,
  {
    valid: [
      {
        name: 'three tenants all peered with each other, and one alone',
        spec: spec(
          vpc('blue', 50001, 1, ', peerings: [{vpc: green}, {vpc: red}]'),
          vpc('green', 50002, 2, ', peerings: [{vpc: red}]'),
          vpc('red', 50003, 3),
          vpc('grey', 50004, 4),
        ),
      },
    ],
    invalid: [
      {
        name: 'blue peers green and red, which are not peered',
        spec: spec(vpc('blue', 50001, 1, ', peerings: [{vpc: green}, {vpc: red}]'), vpc('green', 50002, 2), vpc('red', 50003, 3)),
        findings: [{ line: 4, column: 102 }],
      },
      {
        name: 'a hub whose peerings are written by its peers, and an import of an unpeered route target',
        spec: spec(vpc('blue', 50001, 1), vpc('green', 50002, 2, ', peerings: [{vpc: blue}]'), vpc('red', 50003, 3, ', peerings: [{vpc: blue}]')),
        mapIr: leakRedIntoGreen,
        findings: [
          { line: 4, column: 12 }, // blue: the pivot between green and red
          { line: 5, column: 12 }, // green imports red's route target
        ],
      },
    ],
  },
  IR_ONLY,
);
