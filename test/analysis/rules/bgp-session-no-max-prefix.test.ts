// bgp-session-no-max-prefix: a warning at `fabric` without an ipv4 limit; an info at the limit, for l2vpn evpn, which FRR 8.4 cannot bound.
import { bgpSessionNoMaxPrefix } from '../../../src/analysis/rules/bgp-session-no-max-prefix.js';
import { IR_ONLY, testRule } from '../rule-tester.js';

const FABRIC = `thrice: 1
name: t
fabric:
  loopbacks: 10.255.0.0/16
  asn: {spine: 65000, leaf: 65100-65999}
  spines: 2
  leaves: 2
`;

testRule(
  bgpSessionNoMaxPrefix,
  {
    valid: [{ name: 'no fabric, no sessions', spec: 'thrice: 1\nname: t\nclusters: [{name: c}]\n' }],
    invalid: [
      { name: 'a two-tier fabric', spec: FABRIC, findings: [{ line: 3, column: 1 }] },
      { name: 'hardening without a limit', spec: `${FABRIC}  bgp:\n    bfd: true\n`, findings: [{ line: 3, column: 1 }] },
      {
        name: 'an ipv4 limit: only the EVPN remainder, as an info',
        spec: `${FABRIC}  bgp:\n    maximumPrefix: {ipv4: 64}\n`,
        findings: [{ line: 9, column: 5, severity: 'info' }],
      },
    ],
  },
  IR_ONLY,
);
