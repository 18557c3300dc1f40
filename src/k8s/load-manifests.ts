// Reads Kubernetes manifests (YAML streams or JSON) into typed objects, reporting located diagnostics, never throwing.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../source/parse-yaml.js';
import {
  type K8sNamespace,
  type K8sObjects,
  type K8sPod,
  type K8sService,
  type K8sWorkload,
  type NetworkPolicy,
  type WorkloadKind,
  NAMESPACE_NAME_LABEL,
} from './k8s-objects.js';
import { ManifestContext } from './manifest-context.js';
import { type ManifestItem, manifestItems } from './manifest-items.js';
import { readMetadata } from './read-metadata.js';
import { readNetworkPolicy } from './read-network-policy.js';
import { readPod } from './read-pod.js';
import { readService } from './read-service.js';
import { WORKLOAD_KINDS, readWorkload } from './read-workload.js';

export interface LoadedManifests {
  readonly objects: K8sObjects;
  readonly diagnostics: Diagnostic[];
}

/** Kinds that are valid Kubernetes but say nothing about pod connectivity; skipped without a word. */
const QUIET_KINDS = new Set(['ConfigMap', 'Secret', 'ServiceAccount', 'Ingress', 'Route', 'Endpoints', 'EndpointSlice']);

export function loadManifests(docs: readonly SourceDocument[]): LoadedManifests {
  const diagnostics: Diagnostic[] = [];
  const namespaces = new Keyed<K8sNamespace>();
  const pods = new Keyed<K8sPod>();
  const workloads = new Keyed<K8sWorkload>();
  const services = new Keyed<K8sService>();
  const policies = new Keyed<NetworkPolicy>();
  const ignoredKinds = new Set<string>();

  for (const doc of docs) {
    const ctx = new ManifestContext(doc, diagnostics);
    for (const item of manifestItems(ctx, doc.value)) {
      const { kind, object, path } = item;
      if (kind === 'Namespace') {
        const ns = readNamespace(ctx, item);
        if (ns) namespaces.add(ns.name, ns, () => ctx.warning('k8s-duplicate-object', path, `Namespace ${ns.name} is defined again; the last definition wins`));
      } else if (kind === 'Pod') {
        const pod = readPod(ctx, object, path);
        if (pod) addPod(ctx, pods, pod, path);
      } else if ((WORKLOAD_KINDS as readonly string[]).includes(kind)) {
        const read = readWorkload(ctx, object, path, kind as WorkloadKind);
        if (!read) continue;
        const { workload } = read;
        const key = `${workload.kind}/${workload.namespace}/${workload.name}`;
        workloads.add(key, workload, () => ctx.warning('k8s-duplicate-object', path, `${workload.kind} ${workload.namespace}/${workload.name} is defined again; the last definition wins`));
        for (const pod of read.pods) addPod(ctx, pods, pod, path);
      } else if (kind === 'Service') {
        const service = readService(ctx, object, path);
        if (service) services.add(`${service.namespace}/${service.name}`, service, () => ctx.warning('k8s-duplicate-object', path, `Service ${service.namespace}/${service.name} is defined again; the last definition wins`));
      } else if (kind === 'NetworkPolicy') {
        const policy = readNetworkPolicy(ctx, object, path);
        if (policy) {
          // Two policies of one name cannot coexist in a namespace; which one was meant is unknowable.
          policies.add(`${policy.namespace}/${policy.name}`, policy, () =>
            ctx.error('k8s-duplicate-object', path, `NetworkPolicy ${policy.namespace}/${policy.name} is defined twice`, 'rename or remove one of them'),
          );
        }
      } else if (!QUIET_KINDS.has(kind) && !ignoredKinds.has(kind)) {
        ignoredKinds.add(kind);
        ctx.info('k8s-ignored-kind', [...path, 'kind'], `${kind} objects do not affect pod connectivity and are ignored`);
      }
    }
  }
  return {
    objects: {
      namespaces: namespaces.values(),
      pods: pods.values(),
      workloads: workloads.values(),
      services: services.values(),
      networkPolicies: policies.values(),
    },
    diagnostics,
  };
}

function readNamespace(ctx: ManifestContext, item: ManifestItem): K8sNamespace | undefined {
  const meta = readMetadata(ctx, item.object, item.path, 'Namespace');
  if (!meta) return undefined;
  // The API server labels every namespace with its name; manifests rarely spell it out.
  const labels = NAMESPACE_NAME_LABEL in meta.labels ? meta.labels : { ...meta.labels, [NAMESPACE_NAME_LABEL]: meta.name };
  return { name: meta.name, labels, location: ctx.location(item.path) };
}

function addPod(ctx: ManifestContext, pods: Keyed<K8sPod>, pod: K8sPod, path: readonly (string | number)[]): void {
  pods.add(`${pod.namespace}/${pod.name}`, pod, () => ctx.warning('k8s-duplicate-object', path, `pod ${pod.namespace}/${pod.name} is defined again; the last definition wins`));
}

/** Objects by identity, keeping first-seen order but the last definition, as `kubectl apply` of all files would. */
class Keyed<T> {
  readonly #items = new Map<string, T>();

  add(key: string, item: T, onDuplicate: () => void): void {
    if (this.#items.has(key)) onDuplicate();
    this.#items.set(key, item);
  }

  values(): T[] {
    return [...this.#items.values()];
  }
}
