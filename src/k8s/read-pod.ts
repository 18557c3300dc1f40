// Reads a Pod object: identity, labels, ports, host network, addresses and controller owner.
import type { DataPath } from '../source/data-path.js';
import type { K8sPod } from './k8s-objects.js';
import type { ManifestContext } from './manifest-context.js';
import { type Mapping, isMapping, optionalList, optionalMapping, optionalString } from './manifest-values.js';
import { readMetadata } from './read-metadata.js';
import { readPodSpec } from './read-pod-spec.js';

export function readPod(ctx: ManifestContext, object: Mapping, path: DataPath): K8sPod | undefined {
  const meta = readMetadata(ctx, object, path, 'Pod');
  if (!meta) return undefined;
  const spec = readPodSpec(ctx, optionalMapping(ctx, object, path, 'spec'), [...path, 'spec']);
  const status = optionalMapping(ctx, object, path, 'status');
  const statusPath = [...path, 'status'];
  const hostIP = status ? optionalString(ctx, status, statusPath, 'hostIP') : undefined;
  const podIPs: string[] = [];
  for (const entry of (status && optionalList(ctx, status, statusPath, 'podIPs')) ?? []) {
    if (isMapping(entry) && typeof entry['ip'] === 'string') podIPs.push(entry['ip']);
  }
  const podIP = status ? optionalString(ctx, status, statusPath, 'podIP') : undefined;
  if (podIPs.length === 0 && podIP) podIPs.push(podIP);
  return {
    namespace: meta.namespace,
    name: meta.name,
    labels: meta.labels,
    containerPorts: spec.containerPorts,
    hostNetwork: spec.hostNetwork,
    ...(hostIP ? { hostIP } : {}),
    podIPs,
    ...(meta.owner ? { owner: meta.owner } : {}),
    location: ctx.location(path),
  };
}
