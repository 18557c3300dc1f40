// Reads a workload controller and expands it into the pods it would run, each owned by the controller.
import type { DataPath } from '../source/data-path.js';
import type { K8sPod, K8sWorkload, WorkloadKind } from './k8s-objects.js';
import type { ManifestContext } from './manifest-context.js';
import { type Mapping, optionalInteger, optionalMapping } from './manifest-values.js';
import { readLabels, readMetadata } from './read-metadata.js';
import { readPodSpec } from './read-pod-spec.js';
import { nameSuffix } from './pod-names.js';

export const WORKLOAD_KINDS: readonly WorkloadKind[] = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
];

export interface ReadWorkload {
  readonly workload: K8sWorkload;
  readonly pods: readonly K8sPod[];
}

export function readWorkload(ctx: ManifestContext, object: Mapping, path: DataPath, kind: WorkloadKind): ReadWorkload | undefined {
  const meta = readMetadata(ctx, object, path, kind);
  if (!meta) return undefined;
  const specPath = [...path, 'spec'];
  const spec = optionalMapping(ctx, object, path, 'spec') ?? {};
  // A CronJob's pod template sits one Job deeper.
  const jobSpecPath = kind === 'CronJob' ? [...specPath, 'jobTemplate', 'spec'] : specPath;
  const jobTemplate = kind === 'CronJob' ? optionalMapping(ctx, spec, specPath, 'jobTemplate') : undefined;
  const jobSpec = kind === 'CronJob' ? (jobTemplate && optionalMapping(ctx, jobTemplate, [...specPath, 'jobTemplate'], 'spec')) : spec;
  const template = jobSpec ? optionalMapping(ctx, jobSpec, jobSpecPath, 'template') : undefined;
  const templatePath = [...jobSpecPath, 'template'];
  const templateMeta = template ? optionalMapping(ctx, template, templatePath, 'metadata') : undefined;
  const podLabels = templateMeta ? readLabels(ctx, templateMeta, [...templatePath, 'metadata'], 'labels') : {};
  const podSpec = readPodSpec(ctx, template ? optionalMapping(ctx, template, templatePath, 'spec') : undefined, [...templatePath, 'spec']);

  const countKey = kind === 'Job' ? 'parallelism' : 'replicas';
  const declared = kind === 'DaemonSet' || kind === 'CronJob' ? undefined : optionalInteger(ctx, spec, specPath, countKey);
  if (declared === 'invalid') return undefined;
  const replicas = declared ?? 1;

  const workload: K8sWorkload = {
    kind,
    namespace: meta.namespace,
    name: meta.name,
    replicas,
    podLabels,
    location: ctx.location(path),
  };
  // A controller scaled to zero still yields one pod, so that its policies are analysed and it appears in the
  // connectivity listing, as the oracle does.
  const count = Math.max(1, replicas);
  const seed = `${meta.namespace}/${kind}/${meta.name}`;
  const pods: K8sPod[] = [];
  for (let i = 0; i < count; i++) {
    pods.push({
      namespace: meta.namespace,
      name: podName(kind, meta.name, seed, i),
      labels: podLabels,
      containerPorts: podSpec.containerPorts,
      hostNetwork: podSpec.hostNetwork,
      podIPs: [],
      owner: { kind, name: meta.name },
      location: workload.location,
    });
  }
  return { workload, pods };
}

/** Names the way each controller does: ordinals for StatefulSets, template hash plus suffix for Deployments. */
function podName(kind: WorkloadKind, name: string, seed: string, index: number): string {
  const suffix = nameSuffix(`${seed}#${index}`, 5);
  switch (kind) {
    case 'StatefulSet':
      return `${name}-${index}`;
    case 'Deployment':
      return `${name}-${nameSuffix(seed, 10)}-${suffix}`;
    case 'CronJob':
      return `${name}-${String(28000000 + (index % 1000000))}-${suffix}`;
    default:
      return `${name}-${suffix}`;
  }
}
