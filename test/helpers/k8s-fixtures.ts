// A hand-built ClusterIR (`prod`: 3 nodes, shop and monitoring, inline and imported policies) for the k8s emitter tests.
import type { ClusterIR, ClusterNodeIR, InlineNetworkPolicyIR, NamespaceIR, WorkloadIR } from '../../src/ir/cluster-ir.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';

function node(index: number, leaf: string): ClusterNodeIR {
  return {
    name: `k8s-${index + 1}`,
    host: `hv${index + 1}`,
    leaf,
    address: `10.1.1.${10 + index}`,
    interface: 'eth0',
    podSubnet: `10.244.${index}.0/24`,
    bridgeAddress: `10.244.${index}.1/24`,
    vtepAddress: `10.244.${index}.0/32`,
    vtepMac: `02:66:0a:01:01:${(10 + index).toString(16).padStart(2, '0')}`,
    origin: ['clusters', 0, 'nodes', index],
  };
}

function namespace(name: string, declared: boolean, labels: Record<string, string> = {}): NamespaceIR {
  return { name, declared, labels: { ...labels, 'kubernetes.io/metadata.name': name } };
}

function policy(namespace: string, name: string, spec: Record<string, unknown>, origin: InlineNetworkPolicyIR['origin']): InlineNetworkPolicyIR {
  return {
    name,
    namespace,
    object: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec },
    origin,
  };
}

function workload(name: string, namespace: string, labels: Record<string, string>, placed: readonly string[], extra: Partial<WorkloadIR> = {}): WorkloadIR {
  return {
    name,
    namespace,
    kind: 'Deployment',
    labels,
    replicas: placed.length,
    hostNetwork: false,
    ports: [],
    pods: placed.map((nodeName, i) => ({ name: `${name}-${i}`, node: nodeName })),
    origin: ['clusters', 0, 'workloads', name],
    ...extra,
  };
}

/** As a spec would write it: flannel VXLAN with its defaults, /24 per node out of 10.244.0.0/16. */
export const prodCluster: ClusterIR = {
  name: 'prod',
  vpc: 'blue',
  podCidr: '10.244.0.0/16',
  serviceCidr: '10.96.0.0/12',
  nodeCidrSize: 24,
  cni: { plugin: 'flannel', backend: 'vxlan', vni: 1, port: 8472, device: 'flannel.1', mtu: 9166 },
  nodes: [node(0, 'leaf1'), node(1, 'leaf2'), node(2, 'leaf3')],
  // kube-system is only implied (by the agent DaemonSet), so it must not be emitted.
  namespaces: [namespace('kube-system', false), namespace('monitoring', true, { team: 'sre' }), namespace('shop', true, { team: 'shop' })],
  workloads: [
    workload('agent', 'kube-system', { app: 'agent' }, ['k8s-1', 'k8s-2', 'k8s-3'], { kind: 'DaemonSet', hostNetwork: true }),
    workload('api', 'shop', { app: 'api' }, ['k8s-2'], { node: 'k8s-2', ports: [{ port: 9090, protocol: 'TCP' }] }),
    workload('web', 'shop', { app: 'web' }, ['k8s-1', 'k8s-3'], { ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }),
  ],
  networkPolicies: [
    policy('shop', 'default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }, ['clusters', 0, 'networkPolicies', 0]),
    policy(
      'shop',
      'web-to-api',
      {
        podSelector: { matchLabels: { app: 'api' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'TCP', port: 9090 }] }],
      },
      ['clusters', 0, 'networkPolicies', 1],
    ),
  ],
  importedPolicies: [
    policy(
      'shop',
      'prometheus-scrapes-shop',
      {
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [{ namespaceSelector: { matchLabels: { team: 'sre' } }, podSelector: { matchLabels: { app: 'prometheus' } } }],
            ports: [
              { protocol: 'TCP', port: 'http' },
              { protocol: 'TCP', port: 9090 },
            ],
          },
        ],
      },
      [1],
    ),
  ],
  // The policy engine's input; the k8s emitter never reads it, so it stays empty here.
  policyModel: { namespaces: [], pods: [], workloads: [], services: [], networkPolicies: [] },
  manifestFiles: ['k8s/monitoring.yaml'],
  origin: ['clusters', 0],
};

/** A topology holding only the given clusters (the k8s emitter reads nothing else). */
export function topologyWith(...clusters: ClusterIR[]): TopologyIR {
  return { name: 'dc3', overlay: { vpcs: [], vms: [] }, clusters, firewalls: [] };
}
