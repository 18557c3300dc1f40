// Helpers for the hostile-input tests: where a token sits in a text, and every diagnostic as `code file:line:col`.
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

/** `file:line:col` (1-based) of the first `token` after the first `anchor` in `text`. */
export function at(file: string, text: string, anchor: string, token = anchor): string {
  const start = text.indexOf(anchor);
  const index = start < 0 ? -1 : text.indexOf(token, start);
  if (index < 0) throw new Error(`${token} after ${anchor} not in ${file}`);
  const before = text.slice(0, index).split('\n');
  return `${file}:${before.length}:${(before[before.length - 1] ?? '').length + 1}`;
}

/** Every diagnostic as `code file:line:col`, the form the assertions use (never the wording). */
export function located(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.location?.file}:${d.location?.line}:${d.location?.column}`);
}
