// tunnel-port-permission: allow rules that open a VXLAN port.
import { tunnelPortPermission } from '../../../src/analysis/rules/tunnel-port-permission.js';
import { testRule } from '../rule-tester.js';
import { layeredSpec } from '../layered-spec.js';

testRule(tunnelPortPermission, {
  valid: [{ name: 'no rule names a tunnel port', spec: layeredSpec({ nodesIngress: '{from: subnet:blue/nodes, proto: tcp, ports: [10250]}' }) }],
  invalid: [{ name: "a security group opening flannel's port", spec: layeredSpec(), findings: [{ line: 24, column: 51 }] }],
});
