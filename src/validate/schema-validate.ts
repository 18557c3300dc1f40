// Checks a parsed spec against schema/thrice.schema.json and reports each problem once, in plain words, at its place.
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../source/parse-yaml.js';
import { formatPath } from '../source/data-path.js';
import { collapseAlternatives } from './schema/collapse-alternatives.js';
import { type Explanation, explainError, printable } from './schema/explain-error.js';
import { type CompiledSchema, thriceSchema } from './schema/thrice-schema.js';

export function validateAgainstSchema(doc: SourceDocument): Diagnostic[] {
  return validateWithSchema(thriceSchema(), doc);
}

/** The same check against any compiled schema (tests use small ones). */
export function validateWithSchema(compiled: CompiledSchema, doc: SourceDocument): Diagnostic[] {
  if (compiled.validate(doc.value)) return [];
  const errors = collapseAlternatives((compiled.validate.errors ?? []) as ErrorObject[], compiled.index);
  const explanations = errors.flatMap((e) => explainError(e, compiled.index) ?? []);
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const x of withoutEchoes(explanations)) {
    const location = x.atKey ? doc.spans.locateKey(x.at) : doc.spans.locate(x.at);
    const key = `${x.code} ${location.line}:${location.column} ${x.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push({
      code: x.code,
      severity: 'error',
      message: x.message,
      location,
      path: printable(formatPath(x.path)),
      related: [],
      hint: x.hint,
    });
  }
  return sortDiagnostics(diagnostics);
}

/** "spine: 2" is one problem: keep "unknown spine, did you mean spines?" and drop "missing spines" beside it. */
function withoutEchoes(explanations: readonly Explanation[]): Explanation[] {
  const suggested = new Set(explanations.filter((x) => x.suggested).map((x) => formatPath([...x.path.slice(0, -1), x.suggested ?? ''])));
  return explanations.filter((x) => !(x.missing && suggested.has(formatPath(x.path))));
}
