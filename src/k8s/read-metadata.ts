// Reads `metadata` (name, namespace, labels, controller owner) common to every object kind.
import type { DataPath } from '../source/data-path.js';
import type { Labels, PodOwner } from './k8s-objects.js';
import { labelKeyProblem, labelValueProblem } from './label-syntax.js';
import type { ManifestContext } from './manifest-context.js';
import { type Mapping, isMapping, optionalBoolean, optionalList, optionalMapping, optionalString, optionalStringMap } from './manifest-values.js';

export interface ObjectMeta {
  readonly name: string;
  /** Defaults to `default`, as kubectl applies namespaced objects without one. */
  readonly namespace: string;
  readonly labels: Labels;
  readonly owner?: PodOwner;
}

export function readMetadata(ctx: ManifestContext, object: Mapping, path: DataPath, kind: string): ObjectMeta | undefined {
  const metaPath = [...path, 'metadata'];
  const meta = optionalMapping(ctx, object, path, 'metadata');
  const name = meta ? optionalString(ctx, meta, metaPath, 'name') : undefined;
  if (meta === undefined || name === undefined || name === '') {
    const where = meta === undefined ? path : metaPath;
    ctx.error('k8s-invalid-object', where, `this ${kind} has no metadata.name`, 'every object needs metadata.name');
    return undefined;
  }
  const namespace = optionalString(ctx, meta, metaPath, 'namespace') || 'default';
  const labels = readLabels(ctx, meta, metaPath, 'labels');
  const owner = readControllerOwner(ctx, meta, metaPath);
  return { name, namespace, labels, ...(owner ? { owner } : {}) };
}

/** A label map whose keys and values must follow the API server's label syntax. */
export function readLabels(ctx: ManifestContext, parent: Mapping, path: DataPath, key: string): Labels {
  const labels = optionalStringMap(ctx, parent, path, key) ?? {};
  for (const [k, v] of Object.entries(labels)) {
    const problem = labelKeyProblem(k) ?? labelValueProblem(v);
    if (problem) ctx.error('k8s-invalid-label', [...path, key, k], problem);
  }
  return labels;
}

/**
 * The first ownerReference marked `controller: true`. A Node owner (static pods) is no workload, so such a
 * pod stands for itself, as in the analyzer the oracle comes from.
 */
function readControllerOwner(ctx: ManifestContext, meta: Mapping, metaPath: DataPath): PodOwner | undefined {
  const refs = optionalList(ctx, meta, metaPath, 'ownerReferences') ?? [];
  for (const [i, ref] of refs.entries()) {
    const refPath = [...metaPath, 'ownerReferences', i];
    if (!isMapping(ref)) {
      ctx.error('k8s-invalid-field', refPath, 'an owner reference must be a mapping');
      continue;
    }
    if (optionalBoolean(ctx, ref, refPath, 'controller') !== true) continue;
    const kind = optionalString(ctx, ref, refPath, 'kind') ?? '';
    const name = optionalString(ctx, ref, refPath, 'name') ?? '';
    if (kind === 'Node' || name === '') return undefined;
    return { kind, name };
  }
  return undefined;
}
