// stateful-filter-asymmetric: connection state kept on several members of an ECMP set (border leaves, spines).
import { statefulFilterAsymmetric } from '../../../src/analysis/rules/stateful-filter-asymmetric.js';
import type { TopologyIR } from '../../../src/ir/topology-ir.js';
import { IR_ONLY, testRule } from '../rule-tester.js';

/** Two border leaves when `borders` is 2; the firewall's `at` is on line 16. */
function spec(options: { borders: 1 | 2; at: string }): string {
  return [
    'thrice: 1', // 1
    'name: t', // 2
    'fabric:', // 3
    '  loopbacks: 10.255.0.0/16', // 4
    '  asn: {spine: 65000, leaf: 65100-65999}', // 5
    '  spines: 2', // 6
    '  leaves:', // 7
    '    - leaf1', // 8
    '    - {name: border1, role: border}', // 9
    options.borders === 2 ? '    - {name: border2, role: border}' : '    - leaf2', // 10
    '  hosts:', // 11
    '    - {name: hv1, leaf: leaf1}', // 12
    'firewalls:', // 13
    '  - name: edge', // 14
    '    default: deny', // 15
    `    at: ${options.at}`, // 16
    '    rules:', // 17
    '      - {action: allow, from: 0.0.0.0/0, to: 10.1.1.0/24, proto: tcp, ports: [443]}', // 18
    '',
  ].join('\n');
}

/** What an older thrice emitted, and a hand-edited ruleset may still do: every firewall keeps connection state. */
const allStateful = (ir: TopologyIR): TopologyIR => ({ ...ir, firewalls: ir.firewalls.map((fw) => ({ ...fw, state: 'stateful' as const })) });

testRule(
  statefulFilterAsymmetric,
  {
    valid: [
      { name: 'two border leaves as thrice emits them (reflexive replies, no state)', spec: spec({ borders: 2, at: 'border' }) },
      { name: 'one stateful border leaf carries every flow both ways', spec: spec({ borders: 1, at: 'border' }) },
      { name: 'spines as emitted (stateless)', spec: spec({ borders: 2, at: 'spines' }) },
      { name: 'a stateful leaf filter on one switch', spec: spec({ borders: 2, at: 'leaf:leaf1' }), mapIr: allStateful },
    ],
    invalid: [
      { name: 'a stateful border firewall on two border leaves', spec: spec({ borders: 2, at: 'border' }), mapIr: allStateful, findings: [{ line: 16, column: 9 }] },
      { name: 'a stateful firewall on the spines', spec: spec({ borders: 1, at: 'spines' }), mapIr: allStateful, findings: [{ line: 16, column: 9 }] },
    ],
  },
  IR_ONLY,
);
