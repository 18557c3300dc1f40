// Sorts mapping keys at every depth (as `kubectl get -o yaml` prints them) so output never depends on insertion order.
import type { ManifestObject, ManifestValue } from './manifest-object.js';

/** Whether a mapping member is printed at all (`undefined` members never are). */
export type KeepMember = (key: string, member: unknown) => boolean;

/**
 * The value with every mapping's keys in code-unit order and `undefined` members dropped; list order is kept,
 * because in Kubernetes objects it can mean something (rules, containers) and is the author's.
 * `apiVersion, kind, metadata, spec` happens to be alphabetical, so objects still read top-down.
 * `keep` drops further members, at any depth, before their contents are visited.
 */
export function canonicalKeys(value: unknown, keep?: KeepMember): ManifestValue {
  if (Array.isArray(value)) return value.map((item) => canonicalKeys(item, keep));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, ManifestValue> = {};
    for (const key of Object.keys(value).sort(byCodeUnit)) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined && (keep === undefined || keep(key, member))) out[key] = canonicalKeys(member, keep);
    }
    return out as ManifestObject;
  }
  return value as ManifestValue;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
