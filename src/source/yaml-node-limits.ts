// Checks a `yaml` document before it is converted, without recursion: nesting depth, entries, tags and duplicate keys.
import { isAlias, isCollection, isMap, isPair, isScalar } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { MAX_DEPTH, MAX_ENTRIES } from './yaml-limits.js';

export type NodeProblem =
  | { readonly kind: 'depth'; readonly offset: number }
  | { readonly kind: 'entries'; readonly offset: number; readonly list: boolean }
  | { readonly kind: 'tag'; readonly offset: number; readonly tag: string }
  | { readonly kind: 'duplicate'; readonly offset: number; readonly end: number };

/** The tags of the YAML 1.2 core schema, the only ones thrice reads (`!` is the non-specific tag). */
const CORE_TAGS = new Set(['!', ...['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`)]);

/** js-yaml stops at about one level more (see fast-load.ts); either way 64 levels pass and 66 do not. */
const DEPTH_LIMIT = MAX_DEPTH + 1;

/**
 * Problems in document order: every duplicate key, and the first too-deep collection, over-long collection or
 * foreign tag (the walk stops there). Aliases are not followed: their expansion is counted by toJS.
 *
 * Duplicate keys are found here, with a set per mapping, because `yaml`'s own check compares each key with every
 * earlier one (200,000 keys took ten minutes). Keys compare as the JavaScript object will hold them, as js-yaml
 * compares them: `1` and `"1"` are the same key. `depthOnly` looks for the first too-deep collection alone.
 */
export function checkNodeLimits(doc: Document, depthOnly = false): NodeProblem[] {
  const problems: NodeProblem[] = [];
  const stack: { node: unknown; depth: number }[] = doc.contents ? [{ node: doc.contents, depth: 0 }] : [];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (node === null || node === undefined || isAlias(node)) continue;
    const offset = (node as YamlNode).range?.[0] ?? 0;
    const tag = (node as YamlNode).tag;
    if (!depthOnly && tag !== undefined && !CORE_TAGS.has(tag)) return [...problems, { kind: 'tag', offset, tag }];
    if (isScalar(node) || !isCollection(node)) continue;
    if (depth + 1 > DEPTH_LIMIT) return [...problems, { kind: 'depth', offset }];
    if (!depthOnly && node.items.length > MAX_ENTRIES) return [...problems, { kind: 'entries', offset, list: !isMap(node) }];
    const keys = isMap(node) && !depthOnly ? new Set<string>() : undefined;
    const children: unknown[] = [];
    for (const item of node.items) {
      if (!isPair(item)) {
        children.push(item);
        continue;
      }
      if (keys && isScalar(item.key)) {
        const key = String(item.key.value);
        const range = item.key.range;
        if (keys.has(key) && range) problems.push({ kind: 'duplicate', offset: range[0], end: range[1] });
        keys.add(key);
      }
      children.push(item.key, item.value);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1 });
  }
  return problems;
}
