// Reads a Service: its pod selector and ports (policies ignore Services; the cluster layer uses them).
import type { DataPath } from '../source/data-path.js';
import type { K8sService, ServicePort } from './k8s-objects.js';
import type { ManifestContext } from './manifest-context.js';
import { type Mapping, isMapping, optionalInteger, optionalList, optionalMapping, optionalString, optionalStringMap } from './manifest-values.js';
import { readMetadata } from './read-metadata.js';
import { readProtocol } from './read-pod-spec.js';

export function readService(ctx: ManifestContext, object: Mapping, path: DataPath): K8sService | undefined {
  const meta = readMetadata(ctx, object, path, 'Service');
  if (!meta) return undefined;
  const specPath = [...path, 'spec'];
  const spec = optionalMapping(ctx, object, path, 'spec') ?? {};
  const selector = optionalStringMap(ctx, spec, specPath, 'selector');
  const ports: ServicePort[] = [];
  for (const [i, entry] of (optionalList(ctx, spec, specPath, 'ports') ?? []).entries()) {
    const portPath = [...specPath, 'ports', i];
    if (!isMapping(entry)) {
      ctx.error('k8s-invalid-port', portPath, 'a service port must be a mapping with port');
      continue;
    }
    const port = optionalInteger(ctx, entry, portPath, 'port', 'k8s-invalid-port');
    if (port === undefined || port === 'invalid' || port < 1 || port > 65535) {
      if (port !== 'invalid') ctx.error('k8s-invalid-port', port === undefined ? portPath : [...portPath, 'port'], 'a service port needs a port between 1 and 65535');
      continue;
    }
    const protocol = readProtocol(ctx, entry, portPath, 'k8s-invalid-port');
    if (protocol === 'invalid') continue;
    const rawTarget = entry['targetPort'];
    const targetPort = typeof rawTarget === 'number' || typeof rawTarget === 'string' ? rawTarget : undefined;
    const name = optionalString(ctx, entry, portPath, 'name');
    ports.push({ ...(name ? { name } : {}), port, ...(targetPort === undefined ? {} : { targetPort }), protocol: protocol ?? 'TCP' });
  }
  return {
    namespace: meta.namespace,
    name: meta.name,
    ...(selector ? { selector } : {}),
    ports,
    location: ctx.location(path),
  };
}
