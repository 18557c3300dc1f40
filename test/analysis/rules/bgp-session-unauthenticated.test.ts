// bgp-session-unauthenticated: reported once per fabric, at `fabric`, when it has sessions and no `fabric.bgp.password`.
import { bgpSessionUnauthenticated } from '../../../src/analysis/rules/bgp-session-unauthenticated.js';
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
  bgpSessionUnauthenticated,
  {
    valid: [
      { name: 'no fabric, no sessions', spec: 'thrice: 1\nname: t\nclusters: [{name: c}]\n' },
      // The analysis never reads the secret: the reference is what compile turns into `neighbor fabric password`.
      { name: 'a password from the environment', spec: `${FABRIC}  bgp:\n    password: {env: FABRIC_PW}\n` },
      { name: 'a password from a file', spec: `${FABRIC}  bgp:\n    password: {file: bgp.txt}\n` },
    ],
    invalid: [
      { name: 'a two-tier fabric', spec: FABRIC, findings: [{ line: 3, column: 1 }] },
      {
        name: 'every other hardening field, no password',
        spec: `${FABRIC}  bgp:\n    maximumPrefix: {ipv4: 64}\n    bfd: true\n    ttlSecurity: true\n`,
        findings: [{ line: 3, column: 1 }],
      },
    ],
  },
  IR_ONLY,
);
