// unencrypted-overlay: flannel VXLAN between nodes crossing a firewall placement.
import { unencryptedOverlay } from '../../../src/analysis/rules/unencrypted-overlay.js';
import { testRule } from '../rule-tester.js';
import { layeredSpec } from '../layered-spec.js';

const spineFirewall = ['firewalls:', '  - {name: fabric-acl, at: spines, default: allow}'].join('\n');

testRule(unencryptedOverlay, {
  valid: [
    { name: 'no firewall between the nodes', spec: layeredSpec() },
    { name: 'the wireguard backend', spec: layeredSpec({ backend: 'wireguard', extra: spineFirewall }) },
  ],
  invalid: [{ name: 'nodes under different leaves with a spine firewall', spec: layeredSpec({ extra: spineFirewall }), findings: [{ line: 36, column: 5 }] }],
});
