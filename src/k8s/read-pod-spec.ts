// Reads the parts of a pod spec that matter to policies: container ports (for named ports) and hostNetwork.
import type { DataPath } from '../source/data-path.js';
import type { ContainerPort, Protocol } from './k8s-objects.js';
import type { ManifestContext } from './manifest-context.js';
import { type Mapping, isMapping, optionalBoolean, optionalInteger, optionalList, optionalString } from './manifest-values.js';

export interface PodSpecFacts {
  readonly containerPorts: readonly ContainerPort[];
  readonly hostNetwork: boolean;
}

export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

export function readProtocol(ctx: ManifestContext, parent: Mapping, path: DataPath, code: string): Protocol | undefined | 'invalid' {
  const protocol = optionalString(ctx, parent, path, 'protocol');
  if (protocol === undefined) return undefined;
  if ((PROTOCOLS as readonly string[]).includes(protocol)) return protocol as Protocol;
  ctx.error(code, [...path, 'protocol'], `protocol must be TCP, UDP or SCTP, not "${protocol}"`);
  return 'invalid';
}

/** `spec` of a Pod or of a pod template; absent parts read as no ports and no host network. */
export function readPodSpec(ctx: ManifestContext, spec: Mapping | undefined, specPath: DataPath): PodSpecFacts {
  if (spec === undefined) return { containerPorts: [], hostNetwork: false };
  const hostNetwork = optionalBoolean(ctx, spec, specPath, 'hostNetwork') ?? false;
  const containerPorts: ContainerPort[] = [];
  const containers = optionalList(ctx, spec, specPath, 'containers') ?? [];
  for (const [i, container] of containers.entries()) {
    const containerPath = [...specPath, 'containers', i];
    if (!isMapping(container)) {
      ctx.error('k8s-invalid-field', containerPath, 'a container must be a mapping');
      continue;
    }
    const ports = optionalList(ctx, container, containerPath, 'ports') ?? [];
    for (const [j, port] of ports.entries()) {
      const read = readContainerPort(ctx, port, [...containerPath, 'ports', j]);
      if (read) containerPorts.push(read);
    }
  }
  return { containerPorts, hostNetwork };
}

function readContainerPort(ctx: ManifestContext, value: unknown, path: DataPath): ContainerPort | undefined {
  if (!isMapping(value)) {
    ctx.error('k8s-invalid-port', path, 'a container port must be a mapping with containerPort');
    return undefined;
  }
  const number = optionalInteger(ctx, value, path, 'containerPort', 'k8s-invalid-port');
  if (number === undefined) {
    // Kubernetes decoding ignores unknown keys, so a misspelt key silently drops the port; say so.
    const typo = Object.keys(value).find((k) => k.toLowerCase() === 'containerport' && k !== 'containerPort');
    ctx.warning(
      'k8s-invalid-port',
      path,
      'this container port has no containerPort, so it is ignored',
      typo ? `"${typo}" is not a field; write containerPort` : undefined,
    );
    return undefined;
  }
  if (number === 'invalid') return undefined;
  if (number < 1 || number > 65535) {
    ctx.error('k8s-invalid-port', [...path, 'containerPort'], `containerPort must be between 1 and 65535, not ${number}`);
    return undefined;
  }
  const protocol = readProtocol(ctx, value, path, 'k8s-invalid-port');
  if (protocol === 'invalid') return undefined;
  const name = optionalString(ctx, value, path, 'name');
  return { ...(name ? { name } : {}), containerPort: number, protocol: protocol ?? 'TCP' };
}
