// Emits the compiled IR as JSON (`ir.json`), the input of external tools and the easiest thing to diff.
import type { Emitter } from './emitter.js';

export const irJsonEmitter: Emitter = {
  target: 'ir',
  summary: 'the whole compiled IR as JSON',
  emit(ir) {
    // Spec paths are for diagnostics; they would make the file change whenever lists are reordered.
    // The policy model is the analysis input, derived from what ir.json already holds plus the manifests.
    const json = JSON.stringify(ir, (key, value: unknown) => (key === 'origin' || key === 'policyModel' ? undefined : value), 2);
    return [{ path: 'ir.json', contents: json + '\n' }];
  },
};
