// Emits the compiled IR as JSON (`ir.json`), the input of external tools and the easiest thing to diff.
import type { Emitter } from './emitter.js';

export const irJsonEmitter: Emitter = {
  target: 'ir',
  summary: 'the whole compiled IR as JSON',
  emit(ir) {
    // Source locations are for diagnostics; they would make the file change whenever the spec is reformatted.
    const json = JSON.stringify(ir, (key, value: unknown) => (key === 'source' ? undefined : value), 2);
    return [{ path: 'ir.json', contents: json + '\n' }];
  },
};
