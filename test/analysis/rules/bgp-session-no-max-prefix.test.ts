// bgp-session-no-max-prefix: reported once per fabric, at `fabric`, when it has sessions at all.
import { bgpSessionNoMaxPrefix } from '../../../src/analysis/rules/bgp-session-no-max-prefix.js';
import { IR_ONLY, testRule } from '../rule-tester.js';

testRule(
  bgpSessionNoMaxPrefix,
  {
    valid: [{ name: 'no fabric, no sessions', spec: 'thrice: 1\nname: t\nclusters: [{name: c}]\n' }],
    invalid: [
      {
        name: 'a two-tier fabric',
        spec: `thrice: 1
name: t
fabric:
  loopbacks: 10.255.0.0/16
  asn: {spine: 65000, leaf: 65100-65999}
  spines: 2
  leaves: 2
`,
        findings: [{ line: 3, column: 1 }],
      },
    ],
  },
  IR_ONLY,
);
