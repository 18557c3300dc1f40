// vni-port-collision: flannel on the fabric's VXLAN port, and two clusters of one VPC on one port.
import { vniPortCollision } from '../../../src/analysis/rules/vni-port-collision.js';
import { IR_ONLY, testRule } from '../rule-tester.js';

/** Lines 1-21: a fabric and VPC blue with four VMs; the cluster items start at line 22. */
const spec = (clusters: string): string => `thrice: 1
name: t
fabric:
  loopbacks: 10.255.0.0/16
  asn: {spine: 65000, leaf: 65100-65999}
  spines: 1
  leaves: 2
  hosts:
    - {name: hv1, leaf: leaf1}
    - {name: hv2, leaf: leaf2}
vpcs:
  - name: blue
    vni: 50001
    cidr: 10.1.0.0/16
    subnets: [{name: nodes, cidr: 10.1.1.0/24, vni: 10101}]
    vms:
      - {name: a-1, host: hv1, subnet: nodes}
      - {name: a-2, host: hv2, subnet: nodes}
      - {name: b-1, host: hv1, subnet: nodes}
      - {name: b-2, host: hv2, subnet: nodes}
clusters:
${clusters}`;

testRule(
  vniPortCollision,
  {
    valid: [
      {
        name: "flannel's own port, and a second cluster on another port and VNI",
        spec: spec(`  - {name: a, vpc: blue, nodes: [a-1, a-2], cni: {plugin: flannel}}
  - {name: b, vpc: blue, nodes: [b-1, b-2], cni: {plugin: flannel, vni: 2, port: 8473}, podCidr: 10.245.0.0/16, serviceCidr: 10.112.0.0/12}
`),
      },
      {
        name: 'port 4789 on the wireguard backend, which is not VXLAN',
        spec: spec(`  - {name: a, vpc: blue, nodes: [a-1, a-2], cni: {plugin: flannel, backend: wireguard, port: 4789}}
`),
      },
    ],
    invalid: [
      {
        name: 'flannel on 4789 inside a VPC the fabric carries on 4789, and a second cluster sharing the port',
        spec: spec(`  - name: a
    vpc: blue
    nodes: [a-1, a-2]
    cni: {plugin: flannel, port: 4789}
  - name: b
    vpc: blue
    nodes: [b-1, b-2]
    cni: {plugin: flannel, vni: 2, port: 4789}
    podCidr: 10.245.0.0/16
    serviceCidr: 10.112.0.0/12
`),
        findings: [
          { line: 25, column: 34 }, // a on 4789
          { line: 29, column: 42 }, // b on 4789
          { line: 29, column: 42 }, // b shares a's port
        ],
      },
    ],
  },
  IR_ONLY,
);
