// Emits the compiled IR as JSON (`ir.json`), the input of external tools and the easiest thing to diff.
import type { Emitter } from './emitter.js';
import { canonicalKeys } from './k8s/canonical-keys.js';

export const irJsonEmitter: Emitter = {
  target: 'ir',
  summary: 'the whole compiled IR as JSON',
  emit(ir) {
    // Keys are sorted at every depth, so NetworkPolicies (inline or imported) written with their keys in another
    // order give the same file; list order is kept (thrice sorts the lists it builds, the others are the author's).
    const json = JSON.stringify(canonicalKeys(ir, inIrJson), null, 2);
    return [{ path: 'ir.json', contents: json + '\n' }];
  },
};

/**
 * Spec paths (`origin`, always a list) are for diagnostics: they would make the file change whenever lists are
 * reordered. The policy model (an object) is the analysis input, derived from what ir.json already holds plus the
 * manifests. Matched by shape too, so that a label named `origin` inside a NetworkPolicy is still printed.
 */
function inIrJson(key: string, member: unknown): boolean {
  if (key === 'origin') return !Array.isArray(member);
  if (key === 'policyModel') return typeof member !== 'object' || member === null;
  return true;
}
