// Walks a manifest document into its objects, flattening `List` and typed `*List` kinds (PodList, NamespaceList...).
import type { DataPath } from '../source/data-path.js';
import type { ManifestContext } from './manifest-context.js';
import { type Mapping, isMapping } from './manifest-values.js';

export interface ManifestItem {
  readonly kind: string;
  readonly object: Mapping;
  readonly path: DataPath;
}

/** Every object of a document with its kind; a typed list's items may omit kind (kubectl omits it). */
export function manifestItems(ctx: ManifestContext, value: unknown, path: DataPath = [], impliedKind?: string): ManifestItem[] {
  if (value === null || value === undefined) return [];
  if (!isMapping(value)) {
    ctx.error('k8s-invalid-object', path, 'a Kubernetes object must be a mapping with apiVersion, kind and metadata');
    return [];
  }
  const rawKind = value['kind'];
  if (rawKind !== undefined && typeof rawKind !== 'string') {
    ctx.error('k8s-invalid-object', [...path, 'kind'], 'kind must be a string');
    return [];
  }
  const kind = rawKind || impliedKind;
  if (!kind) {
    ctx.error('k8s-invalid-object', path, 'this object has no kind', 'add e.g. kind: Pod');
    return [];
  }
  if (kind === 'List' || (kind.endsWith('List') && 'items' in value)) {
    const items = value['items'];
    if (items === null || items === undefined) return [];
    if (!Array.isArray(items)) {
      ctx.error('k8s-invalid-object', [...path, 'items'], `the items of a ${kind} must be a list`);
      return [];
    }
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    return items.flatMap((item, i) => manifestItems(ctx, item, [...path, 'items', i], itemKind));
  }
  return [{ kind, object: value, path }];
}
