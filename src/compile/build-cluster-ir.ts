// Builds the cluster IR: nodes with pod subnets and flannel VTEPs, namespaces, workloads placed as pods, policies.
import type { ClusterSpec, Spec } from '../spec/spec-types.js';
import type { ClusterIR, ClusterNodeIR, InlineNetworkPolicyIR, NamespaceIR, WorkloadIR } from '../ir/cluster-ir.js';
import type { OverlayIR } from '../ir/overlay-ir.js';
import type { ClusterAllocation } from './allocate/allocate-clusters.js';
import type { ClusterManifests } from './load-cluster-manifests.js';
import { formatAddress, formatPrefix, parseAddress } from '../ir/ipv4.js';
import { flannelVtepMac } from '../ir/mac.js';
import { naturalCompare } from '../ir/natural-order.js';
import { BACKEND_OVERHEAD, clusterDefaults, flannelDevice } from './allocate/cluster-defaults.js';
import { NAMESPACE_NAME_LABEL } from '../k8s/k8s-objects.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../source/parse-yaml.js';
import { clusterPolicyModel } from './cluster-policy-model.js';

export function buildClusterIR(
  spec: Spec,
  overlay: OverlayIR,
  alloc: ClusterAllocation,
  manifests: ReadonlyMap<string, ClusterManifests>,
  specDoc: SourceDocument,
  report: (d: Diagnostic) => void,
): ClusterIR[] {
  return (spec.clusters ?? [])
    .map((cluster, ci): ClusterIR => {
      const ir = clusterWithoutModel(cluster, ci, overlay, alloc, manifests);
      return { ...ir, policyModel: clusterPolicyModel(ir, specDoc, manifests.get(cluster.name), report) };
    })
    .sort((a, b) => naturalCompare(a.name, b.name));
}

function clusterWithoutModel(
  cluster: ClusterSpec,
  ci: number,
  overlay: OverlayIR,
  alloc: ClusterAllocation,
  manifests: ReadonlyMap<string, ClusterManifests>,
): Omit<ClusterIR, 'policyModel'> {
  const vmByName = new Map(overlay.vms.map((vm) => [vm.name, vm]));
  const settings = clusterDefaults(cluster);
  const nodes: ClusterNodeIR[] = (cluster.nodes ?? []).flatMap((name, i) => {
    const vm = vmByName.get(name);
    const base = alloc.podSubnet.get(`${cluster.name}/${name}`);
    if (!vm || base === undefined) return [];
    const address = parseAddress(vm.ip) ?? 0;
    return [
      {
        name,
        host: vm.host,
        leaf: vm.leaf,
        address: vm.ip,
        interface: vm.interface,
        podSubnet: formatPrefix({ base, length: settings.nodeCidrSize }),
        bridgeAddress: `${formatAddress(base + 1)}/${settings.nodeCidrSize}`,
        vtepAddress: `${formatAddress(base)}/32`,
        vtepMac: flannelVtepMac(address),
        origin: ['clusters', ci, 'nodes', i],
      },
    ];
  });
  nodes.sort((a, b) => naturalCompare(a.name, b.name));
  const nodeMtu = Math.min(...nodes.map((n) => vmByName.get(n.name)?.mtu ?? 1500), 1 << 16);
  const imported = manifests.get(cluster.name);
  const inline = inlinePolicies(cluster, ci);
  return {
    name: cluster.name,
    vpc: cluster.vpc,
    podCidr: settings.podCidr,
    serviceCidr: settings.serviceCidr,
    nodeCidrSize: settings.nodeCidrSize,
    cni: {
      plugin: 'flannel',
      backend: settings.backend,
      vni: settings.vni,
      port: settings.port,
      device: flannelDevice(settings.backend, settings.vni),
      mtu: (nodes.length > 0 ? nodeMtu : 1500) - BACKEND_OVERHEAD[settings.backend],
      ...(cluster.cni?.policy === undefined ? {} : { policy: cluster.cni.policy }),
    },
    nodes,
    namespaces: namespaces(cluster, inline, imported),
    workloads: workloads(cluster, ci, nodes),
    networkPolicies: inline,
    importedPolicies: sortPolicies([...(imported?.policies ?? [])]),
    manifestFiles: imported?.files ?? [],
    origin: ['clusters', ci],
  };
}

function inlinePolicies(cluster: ClusterSpec, ci: number): InlineNetworkPolicyIR[] {
  return sortPolicies(
    (cluster.networkPolicies ?? []).map((p, i) => {
      const meta = (p['metadata'] ?? {}) as Record<string, unknown>;
      const namespace = typeof meta['namespace'] === 'string' ? meta['namespace'] : 'default';
      return {
        name: String(meta['name']),
        namespace,
        object: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', ...p, metadata: { ...meta, namespace } },
        origin: ['clusters', ci, 'networkPolicies', i],
      };
    }),
  );
}

function sortPolicies(list: InlineNetworkPolicyIR[]): InlineNetworkPolicyIR[] {
  return list.sort((a, b) => naturalCompare(a.namespace, b.namespace) || naturalCompare(a.name, b.name));
}

/** Declared namespaces, then every namespace a workload or policy lives in; each labelled with its own name. */
function namespaces(cluster: ClusterSpec, inline: readonly InlineNetworkPolicyIR[], imported: ClusterManifests | undefined): NamespaceIR[] {
  const out = new Map<string, NamespaceIR>();
  for (const ns of cluster.namespaces ?? []) {
    out.set(ns.name, { name: ns.name, labels: sortLabels({ ...ns.labels, [NAMESPACE_NAME_LABEL]: ns.name }), declared: true });
  }
  for (const ns of imported?.objects.namespaces ?? []) {
    if (!out.has(ns.name)) out.set(ns.name, { name: ns.name, labels: sortLabels({ ...ns.labels }), declared: true });
  }
  const implied = [
    ...(cluster.workloads ?? []).map((w) => w.namespace),
    ...inline.map((p) => p.namespace),
    ...(imported?.objects.pods ?? []).map((p) => p.namespace),
    ...(imported?.policies ?? []).map((p) => p.namespace),
  ];
  for (const name of implied) {
    if (!out.has(name)) out.set(name, { name, labels: { [NAMESPACE_NAME_LABEL]: name }, declared: false });
  }
  return [...out.values()].sort((a, b) => naturalCompare(a.name, b.name));
}

function sortLabels(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Pods are placed deterministically: a DaemonSet on every node, a pinned workload on its node, others round-robin
 * from an offset hashed from the workload's name (so adding a workload never moves another's pods).
 * Pod addresses follow the node's cni0 gateway in name order; hostNetwork pods use the node's address.
 */
function workloads(cluster: ClusterSpec, ci: number, nodes: readonly ClusterNodeIR[]): WorkloadIR[] {
  const placed = (cluster.workloads ?? []).map((w, wi) => {
    const kind = w.kind ?? 'Deployment';
    const count = kind === 'DaemonSet' ? nodes.length : (w.replicas ?? 1);
    const offset = fnv1a(`${w.namespace}/${w.name}`);
    const pods = Array.from({ length: count }, (_, i) => {
      const node = kind === 'DaemonSet' ? nodes[i] : w.node !== undefined ? nodes.find((n) => n.name === w.node) : nodes[(offset + i) % Math.max(1, nodes.length)];
      return { name: `${w.name}-${i}`, node: node?.name ?? '' };
    });
    return { w, wi, kind, pods };
  });
  const nextHost = new Map<string, number>();
  const podIps = new Map<string, string>();
  const byNode = placed
    .flatMap(({ w, pods }) => pods.map((p) => ({ key: `${w.namespace}/${p.name}`, node: p.node, hostNetwork: w.hostNetwork ?? false })))
    .sort((a, b) => naturalCompare(a.key, b.key));
  for (const pod of byNode) {
    const node = nodes.find((n) => n.name === pod.node);
    if (!node) continue;
    if (pod.hostNetwork) {
      podIps.set(pod.key, node.address);
      continue;
    }
    const gateway = parseAddress(node.bridgeAddress.split('/')[0] ?? '') ?? 0;
    const n = (nextHost.get(node.name) ?? 0) + 1;
    nextHost.set(node.name, n);
    podIps.set(pod.key, formatAddress(gateway + n));
  }
  return placed
    .map(({ w, wi, kind, pods }): WorkloadIR => ({
      name: w.name,
      namespace: w.namespace,
      kind,
      labels: sortLabels({ ...w.labels }),
      replicas: pods.length,
      node: w.node,
      hostNetwork: w.hostNetwork ?? false,
      ports: (w.ports ?? []).map((p) => ({ name: p.name, port: p.port, protocol: p.protocol ?? 'TCP', hostPort: p.hostPort })),
      pods: pods.map((p) => ({ ...p, ip: podIps.get(`${w.namespace}/${p.name}`) })),
      origin: ['clusters', ci, 'workloads', wi],
    }))
    .sort((a, b) => naturalCompare(a.namespace, b.namespace) || naturalCompare(a.name, b.name));
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
