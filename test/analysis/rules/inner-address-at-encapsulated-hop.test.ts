// inner-address-at-encapsulated-hop: rules on tenant or pod addresses where only tunnel headers are outermost.
import { innerAddressAtEncapsulatedHop } from '../../../src/analysis/rules/inner-address-at-encapsulated-hop.js';
import { testRule } from '../rule-tester.js';
import { layeredSpec } from '../layered-spec.js';

const spineFirewall = (rule: string) => ['firewalls:', '  - name: db-acl', '    at: spines', '    rules:', `      - ${rule}`].join('\n');

testRule(innerAddressAtEncapsulatedHop, {
  valid: [
    { name: 'a spine rule on the underlay (VXLAN between loopbacks)', spec: layeredSpec({ extra: spineFirewall('{action: deny, from: loopbacks, to: loopbacks, proto: udp, ports: [4789]}') }) },
    { name: 'a security group on VPC addresses', spec: layeredSpec() },
  ],
  invalid: [
    {
      name: 'a spine rule on subnets, which spines only see inside VPC VXLAN',
      spec: layeredSpec({ extra: spineFirewall('{action: deny, from: subnet:blue/nodes, to: subnet:blue/db, proto: tcp, ports: [5432]}') }),
      findings: [{ line: 45, column: 30 }],
    },
    {
      name: 'a security group rule on pod addresses, which leave nodes encapsulated or masqueraded',
      spec: layeredSpec({ nodesIngress: '{from: pods:prod, proto: tcp, ports: [80]}' }),
      findings: [{ line: 24, column: 13 }],
    },
  ],
});
