// mixed-encapsulation: a rule that decides an intent on one path and is bypassed on another.
import { mixedEncapsulation } from '../../../src/analysis/rules/mixed-encapsulation.js';
import { testRule } from '../rule-tester.js';
import { layeredSpec } from '../layered-spec.js';

const withAcl = (at: string) =>
  layeredSpec({
    extra: [
      'firewalls:',
      '  - name: acl',
      `    at: ${at}`,
      '    rules:',
      '      - {action: deny, from: subnet:blue/nodes, to: subnet:blue/db, proto: tcp, ports: [5432]}',
      'intents:',
      '  - {name: nodes-not-to-db, from: {subnet: blue/nodes}, to: {vm: pg-1}, proto: tcp, ports: [5432], expect: deny}',
    ].join('\n'),
  });

testRule(mixedEncapsulation, {
  valid: [{ name: "a filter on the database's hypervisor, which every path crosses", spec: withAcl('host:hv2') }],
  invalid: [{ name: "a filter on leaf1's host ports, which k8s-2's path never crosses", spec: withAcl('leaf:leaf1'), findings: [{ line: 45, column: 9 }] }],
});
