// Finds the first list longer than the schema's maxItems before ajv runs: ajv would first check every item of a huge list.
import type { SchemaIndex, SchemaNode } from './thrice-schema.js';

export interface OverlongList {
  readonly path: readonly (string | number)[];
  readonly list: readonly unknown[];
  readonly max: number;
}

interface Frame {
  readonly value: unknown;
  readonly schema: SchemaNode;
  readonly parent: Frame | undefined;
  readonly segment: string | number;
}

/**
 * Walks the value beside its schema (properties, additionalProperties, items, local $refs), in document order,
 * without recursion, and only into parts whose schema can hold a list at all. Paths are built only for the answer:
 * the walk visits every list-bearing node of a clean spec, so it must cost no more than ajv does.
 */
export function firstOverlongList(value: unknown, index: SchemaIndex): OverlongList | undefined {
  const listsBelow = listHolders(index);
  const root = listsBelow(index.root);
  const stack: Frame[] = root ? [{ value, schema: root, parent: undefined, segment: '' }] : [];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { value: v, schema } = frame;
    if (Array.isArray(v)) {
      const max = schema['maxItems'];
      if (typeof max === 'number' && v.length > max) return { path: pathOf(frame), list: v, max };
      const items = listsBelow(schema['items']);
      if (items) for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], schema: items, parent: frame, segment: i });
    } else if (v !== null && typeof v === 'object') {
      const properties = asNode(schema['properties']);
      const others = listsBelow(schema['additionalProperties']);
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        const child = properties && Object.hasOwn(properties, key) ? listsBelow(properties[key]) : others;
        if (child) stack.push({ value: (v as Record<string, unknown>)[key], schema: child, parent: frame, segment: key });
      }
    }
  }
  return undefined;
}

function pathOf(frame: Frame): (string | number)[] {
  const path: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) path.unshift(f.segment);
  return path;
}

const cache = new WeakMap<SchemaIndex, (node: unknown) => SchemaNode | undefined>();

/** The schema node with its $refs followed, when a list can occur at or below it (`name`: no; `vpc`: yes), else undefined. */
function listHolders(index: SchemaIndex): (node: unknown) => SchemaNode | undefined {
  let holds = cache.get(index);
  if (!holds) {
    const known = new Map<unknown, SchemaNode | undefined>();
    holds = (node: unknown): SchemaNode | undefined => {
      if (known.has(node)) return known.get(node);
      const resolved = asNode(node) ? index.resolve(node) : undefined;
      const lists = resolved !== undefined && [...index.reachable(resolved)].some((n) => isNodeOf(n) && ('items' in n || n['type'] === 'array' || (Array.isArray(n['type']) && n['type'].includes('array'))));
      known.set(node, lists ? resolved : undefined);
      return lists ? resolved : undefined;
    };
    cache.set(index, holds);
  }
  return holds;
}

function asNode(value: unknown): SchemaNode | undefined {
  return isNodeOf(value) ? value : undefined;
}

function isNodeOf(value: unknown): value is SchemaNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
