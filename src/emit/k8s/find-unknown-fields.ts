// Finds fields a kind does not have, as `kubectl apply`'s strict field validation would, with a "did you mean".
import type { DataPath } from '../../source/data-path.js';
import { closestMatch } from '../../validate/schema/suggest.js';
import type { K8sObjectProblem } from './k8s-object-problem.js';

/** A field holds a plain value (or a free-form map such as labels), a mapping of known fields, or a list of them. */
export type FieldKind = 'value' | { readonly mapping: FieldSet } | { readonly listOf: FieldSet };
export type FieldSet = Readonly<Record<string, FieldKind>>;

/** Walks only values of the right type: a wrong type is the schema's problem, reported once, there. */
export function findUnknownFields(value: unknown, fields: FieldSet, path: DataPath = []): K8sObjectProblem[] {
  if (!isMapping(value)) return [];
  return Object.entries(value).flatMap(([key, member]) => {
    const kind = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (kind === undefined) {
      const guess = closestMatch(key, Object.keys(fields));
      return [{ path: [...path, key], message: `unknown field ${JSON.stringify(key)}${guess ? ` (did you mean ${guess}?)` : ''}` }];
    }
    return inside(member, kind, [...path, key]);
  });
}

function inside(value: unknown, kind: FieldKind, path: DataPath): K8sObjectProblem[] {
  if (kind === 'value') return [];
  if ('mapping' in kind) return findUnknownFields(value, kind.mapping, path);
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, i) => findUnknownFields(item, kind.listOf, [...path, i]));
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
