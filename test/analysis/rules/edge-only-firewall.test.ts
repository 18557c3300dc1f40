// edge-only-firewall: border rules aimed at east-west traffic.
import { edgeOnlyFirewall } from '../../../src/analysis/rules/edge-only-firewall.js';
import { testRule } from '../rule-tester.js';
import { layeredSpec } from '../layered-spec.js';

const withBorderRule = (rule: string) =>
  layeredSpec({
    extra: [
      'firewalls:',
      '  - name: edge',
      '    at: border',
      '    rules:',
      `      - ${rule}`,
      'intents:',
      '  - {name: nodes-not-to-db, from: {subnet: blue/nodes}, to: {vm: pg-1}, proto: tcp, ports: [5432], expect: deny}',
    ].join('\n'),
  });

testRule(edgeOnlyFirewall, {
  valid: [{ name: 'a north-south rule', spec: withBorderRule('{action: allow, from: 0.0.0.0/0, to: vm:k8s-1, proto: tcp, ports: [443]}') }],
  invalid: [{ name: 'a border rule written for VM-to-VM traffic', spec: withBorderRule('{action: deny, from: subnet:blue/nodes, to: vm:pg-1, proto: tcp, ports: [5432]}'), findings: [{ line: 45, column: 9 }] }],
});
