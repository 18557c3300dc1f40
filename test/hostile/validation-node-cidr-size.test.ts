// Hostile input: a nodeCidrSize that leaves a node no pod address is node-cidr-size at the value, not a broken cni0.
import { describe, expect, it } from 'vitest';
import { build } from '../helpers/run-pipeline.js';
import { at, located } from './positions.js';

function spec(nodeCidrSize: number): string {
  return `thrice: 1
name: cl
clusters:
  - name: prod
    podCidr: 10.244.0.0/16
    nodeCidrSize: ${nodeCidrSize}
`;
}

describe('nodeCidrSize beyond /30', () => {
  it.each([31, 32])('/%i is node-cidr-size at the nodeCidrSize value, and the only error', (size) => {
    const text = spec(size);
    const result = build(text);
    expect(located(result.diagnostics)).toEqual([`node-cidr-size ${at('spec.yaml', text, 'nodeCidrSize: ', String(size))}`]);
    expect(result.diagnostics[0]?.hint).toBeTruthy();
    expect(result.ir).toBeUndefined();
  });

  it('/30 is accepted', () => {
    const result = build(spec(30));
    expect(located(result.diagnostics)).toEqual([]);
    expect(result.ir?.clusters[0]?.nodeCidrSize).toBe(30);
  });

  it('/33 is not a prefix length at all: schema-range, and no node-cidr-size on top of it', () => {
    const text = spec(33);
    expect(located(build(text).diagnostics)).toEqual([`schema-range ${at('spec.yaml', text, 'nodeCidrSize: ', '33')}`]);
  });

  it('a node on a /30 gets cni0 and its pod inside its own subnet', () => {
    const text = `thrice: 1
name: cl
vpcs:
  - name: blue
    vni: 50001
    cidr: 10.1.0.0/16
    subnets:
      - {name: nodes, cidr: 10.1.1.0/24, vni: 10101}
    vms:
      - {name: k8s-1, host: hv1, subnet: nodes}
      - {name: k8s-2, host: hv1, subnet: nodes}
fabric:
  loopbacks: 10.255.0.0/16
  links: unnumbered
  asn: {spine: 65000, leaf: 65100-65199}
  spines: 1
  leaves: [leaf1]
  hosts:
    - {name: hv1, leaf: leaf1}
clusters:
  - name: prod
    vpc: blue
    nodes: [k8s-1, k8s-2]
    podCidr: 10.244.0.0/16
    nodeCidrSize: 30
    workloads:
      - {name: web, namespace: shop, node: k8s-1}
`;
    const result = build(text);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const nodes = result.ir?.clusters[0]?.nodes ?? [];
    expect(nodes.map((n) => [n.podSubnet, n.bridgeAddress])).toEqual([
      ['10.244.0.0/30', '10.244.0.1/30'],
      ['10.244.0.4/30', '10.244.0.5/30'],
    ]);
    expect(result.ir?.clusters[0]?.workloads[0]?.pods).toEqual([{ name: 'web-0', node: 'k8s-1', ip: '10.244.0.2' }]);
  });
});
