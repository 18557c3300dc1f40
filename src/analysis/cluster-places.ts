// Where a cluster's namespaces and imported objects are written: the spec data path, or the manifest location.
import type { Location } from '../diagnostics/diagnostic.js';
import type { ClusterIR } from '../ir/cluster-ir.js';
import type { Spec } from '../spec/spec-types.js';
import type { FindingPlace } from './analysis-rule.js';

/** Whether a policy-model object was read from one of the cluster's manifests (not built from the spec). */
export function isImported(cluster: ClusterIR, location: Location): boolean {
  return cluster.manifestFiles.includes(location.file);
}

/**
 * Where each namespace of a cluster is best pointed at: its spec declaration, its imported Namespace object,
 * else (implied) the first workload, pod or policy that lives in it, else the cluster.
 */
export function namespacePlaces(cluster: ClusterIR, spec: Spec): ReadonlyMap<string, FindingPlace> {
  const places = new Map<string, FindingPlace>();
  const ci = cluster.origin[1];
  const declared = typeof ci === 'number' ? (spec.clusters?.[ci]?.namespaces ?? []) : [];
  declared.forEach((ns, i) => places.set(ns.name, [...cluster.origin, 'namespaces', i, 'name']));
  const model = cluster.policyModel;
  // Imported Namespaces are the declared ones the spec does not declare; spec objects' locations are lazy, so untouched.
  const imported = new Set(cluster.namespaces.filter((n) => n.declared && !places.has(n.name)).map((n) => n.name));
  for (const ns of model.namespaces) if (imported.has(ns.name) && !places.has(ns.name)) places.set(ns.name, ns.location);
  for (const w of cluster.workloads) if (!places.has(w.namespace)) places.set(w.namespace, [...w.origin, 'namespace']);
  for (const pod of model.pods) if (!places.has(pod.namespace) && isImported(cluster, pod.location)) places.set(pod.namespace, pod.location);
  for (const p of model.networkPolicies) if (!places.has(p.namespace)) places.set(p.namespace, p.location);
  for (const ns of cluster.namespaces) if (!places.has(ns.name)) places.set(ns.name, cluster.origin);
  return places;
}
