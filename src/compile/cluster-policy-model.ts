// The Kubernetes objects a cluster's policies are evaluated over: imported manifests plus the spec's own namespaces, workloads and inline policies.
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import type { ClusterIR } from '../ir/cluster-ir.js';
import type { K8sNamespace, K8sObjects, K8sPod, K8sWorkload, NetworkPolicy, WorkloadKind } from '../k8s/k8s-objects.js';
import type { SourceDocument } from '../source/parse-yaml.js';
import type { DataPath } from '../source/data-path.js';
import type { ClusterManifests } from './load-cluster-manifests.js';
import { ManifestContext } from '../k8s/manifest-context.js';
import { readNetworkPolicy } from '../k8s/read-network-policy.js';

/** Locations are resolved only when read: spec positions are computed lazily, and most are never needed. */
function withLocation<T extends object>(value: T, locate: () => Location): T & { readonly location: Location } {
  let cached: Location | undefined;
  return Object.defineProperty(value, 'location', { enumerable: true, get: () => (cached ??= locate()) }) as T & { readonly location: Location };
}

export function clusterPolicyModel(
  cluster: Omit<ClusterIR, 'policyModel'>,
  specDoc: SourceDocument,
  imported: ClusterManifests | undefined,
  report: (d: Diagnostic) => void,
): K8sObjects {
  const at = (path: DataPath) => () => specDoc.spans.locate(path);
  const importedNamespaces = new Set((imported?.objects.namespaces ?? []).map((n) => n.name));
  const namespaces: K8sNamespace[] = [
    ...(imported?.objects.namespaces ?? []),
    ...cluster.namespaces
      .filter((n) => !importedNamespaces.has(n.name))
      .map((n) => withLocation({ name: n.name, labels: n.labels }, at(cluster.origin))),
  ];
  const pods: K8sPod[] = [...(imported?.objects.pods ?? [])];
  const workloads: K8sWorkload[] = [...(imported?.objects.workloads ?? [])];
  for (const w of cluster.workloads) {
    const owner = w.kind === 'Pod' ? undefined : { kind: w.kind, name: w.name };
    if (owner) {
      workloads.push(withLocation({ kind: w.kind as WorkloadKind, namespace: w.namespace, name: w.name, replicas: w.replicas, podLabels: w.labels }, at(w.origin)));
    }
    for (const pod of w.pods) {
      pods.push(
        withLocation(
          {
            namespace: w.namespace,
            name: w.kind === 'Pod' ? w.name : pod.name,
            labels: w.labels,
            containerPorts: w.ports.map((p) => ({ ...(p.name === undefined ? {} : { name: p.name }), containerPort: p.port, protocol: p.protocol })),
            hostNetwork: w.hostNetwork,
            podIPs: pod.ip ? [pod.ip] : [],
            ...(owner ? { owner } : {}),
          },
          at(w.origin),
        ),
      );
    }
  }
  const sink: Diagnostic[] = [];
  const inlineCtx = new ManifestContext(specDoc, sink);
  const inline: NetworkPolicy[] = cluster.networkPolicies.flatMap((p) => {
    const read = readNetworkPolicy(inlineCtx, p.object, p.origin);
    return read ? [read] : [];
  });
  sink.forEach(report);
  return {
    namespaces,
    pods,
    workloads,
    services: imported?.objects.services ?? [],
    networkPolicies: [...(imported?.objects.networkPolicies ?? []), ...inline],
  };
}
