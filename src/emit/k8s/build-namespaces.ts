// The cluster's v1 Namespaces: declared ones and those its workloads imply, builtins only when declared.
import type { ClusterIR } from '../../ir/cluster-ir.js';
import { NAMESPACE_NAME_LABEL } from '../../k8s/k8s-objects.js';
import { byName } from '../../ir/natural-order.js';
import type { ManifestObject } from './manifest-object.js';

/** Namespaces every cluster has from the start; creating them again says nothing. */
const BUILTIN_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/** Sorted by name (natural order, like every thrice output). */
export function buildNamespaces(cluster: ClusterIR): ManifestObject[] {
  return [...cluster.namespaces]
    .filter((ns) => ns.declared || !BUILTIN_NAMESPACES.has(ns.name))
    .sort(byName)
    .map((ns) => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: ns.name,
        // The API server sets this label (overwriting any other value); it is written out because
        // namespaceSelectors match it, so the file shows what the policies see.
        labels: { ...ns.labels, [NAMESPACE_NAME_LABEL]: ns.name },
      },
    }));
}
