// Typed accessors for plain manifest values: each reports a located `k8s-invalid-field` instead of throwing.
import type { DataPath } from '../source/data-path.js';
import type { ManifestContext } from './manifest-context.js';

export type Mapping = Readonly<Record<string, unknown>>;

export function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
}

/** A field that must be a mapping when present; `null` counts as absent, as Kubernetes decoding treats it. */
export function optionalMapping(ctx: ManifestContext, parent: Mapping, path: DataPath, key: string): Mapping | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (isMapping(value)) return value;
  ctx.error('k8s-invalid-field', [...path, key], `${key} must be a mapping, not ${describe(value)}`);
  return undefined;
}

export function optionalList(ctx: ManifestContext, parent: Mapping, path: DataPath, key: string): readonly unknown[] | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value;
  ctx.error('k8s-invalid-field', [...path, key], `${key} must be a list, not ${describe(value)}`);
  return undefined;
}

export function optionalString(ctx: ManifestContext, parent: Mapping, path: DataPath, key: string): string | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  ctx.error('k8s-invalid-field', [...path, key], `${key} must be a string, not ${describe(value)}`, 'quote the value');
  return undefined;
}

export function optionalBoolean(ctx: ManifestContext, parent: Mapping, path: DataPath, key: string): boolean | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  ctx.error('k8s-invalid-field', [...path, key], `${key} must be true or false, not ${describe(value)}`);
  return undefined;
}

/** A non-negative integer field; `invalid` marks a present but unusable value so callers can skip the object. */
export function optionalInteger(
  ctx: ManifestContext,
  parent: Mapping,
  path: DataPath,
  key: string,
  code = 'k8s-invalid-field',
): number | undefined | 'invalid' {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  ctx.error(code, [...path, key], `${key} must be a non-negative integer, not ${describe(value)}`);
  return 'invalid';
}

/** A string-to-string map (labels, matchLabels, selectors); numbers and booleans are rejected as the API server does. */
export function optionalStringMap(
  ctx: ManifestContext,
  parent: Mapping,
  path: DataPath,
  key: string,
): Record<string, string> | undefined {
  const map = optionalMapping(ctx, parent, path, key);
  if (map === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map)) {
    if (typeof v === 'string') out[k] = v;
    else ctx.error('k8s-invalid-field', [...path, key, k], `the value of ${k} must be a string, not ${describe(v)}`, 'quote the value, e.g. "1" or "true"');
  }
  return out;
}
