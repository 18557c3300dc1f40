// vxlan-port-exposed: flannel's port reachable from other VMs or the outside.
import { vxlanPortExposed } from '../../../src/analysis/rules/vxlan-port-exposed.js';
import { testRule } from '../rule-tester.js';
import { layeredSpec } from '../layered-spec.js';

testRule(vxlanPortExposed, {
  valid: [{ name: 'the port open to the nodes subnet only', spec: layeredSpec() }],
  invalid: [
    {
      name: 'the port open to the whole VPC, database included',
      spec: layeredSpec({ nodesIngress: '{from: vpc:blue, proto: udp, ports: [8472]}' }),
      findings: [
        { line: 35, column: 13 },
        { line: 35, column: 20 },
      ],
    },
  ],
});
