// Collapses oneOf/anyOf failures to the one branch the value was meant for, so users see that branch's errors only.
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { SchemaIndex, SchemaNode } from './thrice-schema.js';

/**
 * For each failed oneOf/anyOf, picks the branch whose JSON type (then whose properties) fits the value and
 * drops the other branches' errors. When no branch has the value's type, the whole failure becomes one
 * `type` error listing the types the branches accept. The thrice schema avoids oneOf (unions are typed
 * with `type: [...]`), so this guards schemas that use it.
 */
export function collapseAlternatives(errors: readonly ErrorObject[], index: SchemaIndex): ErrorObject[] {
  let current = [...errors];
  const alternatives = current
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .sort((a, b) => depth(a.instancePath) - depth(b.instancePath));
  for (const alternative of alternatives) {
    const at = current.indexOf(alternative);
    if (at < 0) continue; // dropped with an outer alternative's losing branch
    current = collapseOne(current, at, index);
  }
  return current;
}

function collapseOne(errors: ErrorObject[], at: number, index: SchemaIndex): ErrorObject[] {
  const alternative = errors[at] as ErrorObject;
  if (alternative.keyword === 'oneOf' && Array.isArray(alternative.params['passingSchemas'])) return errors; // several matched: keep as is
  const branches = (Array.isArray(alternative.schema) ? alternative.schema : []).map((b) => index.resolve(b) ?? {});
  const prefix = alternative.instancePath;
  const inside = (e: ErrorObject): boolean => e.instancePath === prefix || e.instancePath.startsWith(prefix + '/');
  const candidates = branches.map((_, i) => i).filter((i) => admits(branches[i] as SchemaNode, alternative.data));

  if (candidates.length === 0) {
    const types = [...new Set(branches.flatMap((b) => typesOf(b)))];
    const replacement: ErrorObject = {
      keyword: 'type',
      instancePath: prefix,
      schemaPath: alternative.schemaPath,
      params: { type: types },
      parentSchema: alternative.parentSchema,
      data: alternative.data,
    };
    const reach = branches.map((b) => index.reachable(b));
    return errors.flatMap((e, i) => (i === at ? [replacement] : i < at && inside(e) && reach.some((r) => r.has(e.parentSchema)) ? [] : [e]));
  }

  const chosen = best(candidates, branches, alternative.data);
  const keep = index.reachable(branches[chosen]);
  const others = branches.filter((_, i) => i !== chosen);
  const otherReach = new Set(others.flatMap((b) => [...index.reachable(b)]));
  return errors.filter((e, i) => {
    if (i === at) return false;
    if (i > at || !inside(e)) return true;
    if (e.instancePath === prefix && others.includes(e.parentSchema as SchemaNode)) return false;
    return !(otherReach.has(e.parentSchema) && !keep.has(e.parentSchema));
  });
}

/** Among branches of the value's type, the one sharing most property names with it (then the first). */
function best(candidates: readonly number[], branches: readonly SchemaNode[], data: unknown): number {
  const keys = data !== null && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data) : [];
  let chosen = candidates[0] as number;
  let score = -1;
  for (const i of candidates) {
    const properties = (branches[i]?.['properties'] ?? {}) as Record<string, unknown>;
    const s = keys.filter((k) => k in properties).length;
    if (s > score) {
      chosen = i;
      score = s;
    }
  }
  return chosen;
}

function admits(branch: SchemaNode, data: unknown): boolean {
  const types = typesOf(branch);
  if (types.length === 0) return true;
  const actual = jsonType(data);
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

function typesOf(branch: SchemaNode): string[] {
  const t = branch['type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.map(String);
  if ('const' in branch) return [jsonType(branch['const'])];
  if (Array.isArray(branch['enum'])) return [...new Set((branch['enum'] as unknown[]).map(jsonType))];
  return [];
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function depth(pointer: string): number {
  return pointer === '' ? 0 : pointer.split('/').length;
}
