// A small three-layer topology for path-aware rule tests; the `extra` text is appended after line 40, so finding lines stay fixed.

/** Lines 1-40 are fixed; cases append firewalls/intents (starting at line 41) and may swap marked lines. */
export function layeredSpec(options: { nodesIngress?: string; backend?: string; policy?: string; extra?: string } = {}): string {
  const lines = [
    'thrice: 1', // 1
    'name: t', // 2
    'fabric:', // 3
    '  loopbacks: 10.255.0.0/16', // 4
    '  asn: {spine: 65000, leaf: 65100-65999}', // 5
    '  spines: 2', // 6
    '  leaves:', // 7
    '    - leaf1', // 8
    '    - leaf2', // 9
    '    - {name: border1, role: border}', // 10
    '  hosts:', // 11
    '    - {name: hv1, leaf: leaf1}', // 12
    '    - {name: hv2, leaf: leaf2}', // 13
    'vpcs:', // 14
    '  - name: blue', // 15
    '    vni: 50001', // 16
    '    cidr: 10.1.0.0/16', // 17
    '    subnets:', // 18
    '      - {name: nodes, cidr: 10.1.1.0/24, vni: 10101}', // 19
    '      - {name: db, cidr: 10.1.2.0/24, vni: 10102}', // 20
    '    securityGroups:', // 21
    '      - name: k8s-nodes', // 22
    '        ingress:', // 23
    `          - ${options.nodesIngress ?? '{from: subnet:blue/nodes, proto: udp, ports: [8472]}'}`, // 24
    '      - name: postgres', // 25
    '        ingress:', // 26
    '          - {from: vpc:blue, proto: tcp, ports: [5432]}', // 27
    '    vms:', // 28
    '      - {name: k8s-1, host: hv1, subnet: nodes, securityGroups: [k8s-nodes]}', // 29
    '      - {name: k8s-2, host: hv2, subnet: nodes, securityGroups: [k8s-nodes]}', // 30
    '      - {name: pg-1, host: hv2, subnet: db, securityGroups: [postgres]}', // 31
    'clusters:', // 32
    '  - name: prod', // 33
    '    vpc: blue', // 34
    '    nodes: [k8s-1, k8s-2]', // 35
    `    cni: {plugin: flannel, backend: ${options.backend ?? 'vxlan'}${options.policy ? `, policy: ${options.policy}` : ''}}`, // 36
    '    workloads:', // 37
    '      - {name: web, namespace: shop, labels: {app: web}, replicas: 2}', // 38
    '      - {name: agent, namespace: kube-system, kind: DaemonSet, hostNetwork: true}', // 39
    '    namespaces: [{name: shop}]', // 40
  ];
  return [...lines, ...(options.extra ? [options.extra] : []), ''].join('\n');
}
