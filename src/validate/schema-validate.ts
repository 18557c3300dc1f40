// Checks a parsed spec against schema/thrice.schema.json and reports each problem once, in plain words, at its place.
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { limitDiagnostics } from '../diagnostics/limit-diagnostics.js';
import type { SourceDocument } from '../source/parse-yaml.js';
import { formatPath } from '../source/data-path.js';
import { collapseAlternatives } from './schema/collapse-alternatives.js';
import { type Explanation, explainError, label, printable } from './schema/explain-error.js';
import { type OverlongList, firstOverlongList } from './schema/list-limits.js';
import { type CompiledSchema, thriceSchema } from './schema/thrice-schema.js';

/** Schema errors reported per spec; an invalid generated spec can have one per item. */
const MAX_DIAGNOSTICS = 100;
/** ajv errors explained and located; the rest are only counted. */
const MAX_EXPLAINED = 1000;

export function validateAgainstSchema(doc: SourceDocument): Diagnostic[] {
  return validateWithSchema(thriceSchema(), doc);
}

/** The same check against any compiled schema (tests use small ones). */
export function validateWithSchema(compiled: CompiledSchema, doc: SourceDocument): Diagnostic[] {
  const overlong = firstOverlongList(doc.value, compiled.index);
  if (overlong) return [overlongDiagnostic(overlong, doc)];
  if (compiled.validate(doc.value)) return [];
  const all = (compiled.validate.errors ?? []) as ErrorObject[];
  const errors = collapseAlternatives(all.slice(0, MAX_EXPLAINED), compiled.index);
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
  const unexplained = Math.max(0, all.length - MAX_EXPLAINED);
  return sortDiagnostics(limitDiagnostics(diagnostics, MAX_DIAGNOSTICS, diagnostics.length + unexplained));
}

/** A list over its maxItems, found before ajv runs; located without the position-tracking parse where the parser noted it. */
function overlongDiagnostic({ path, list, max }: OverlongList, doc: SourceDocument): Diagnostic {
  const segments = path.map(String);
  return {
    code: 'schema-range',
    severity: 'error',
    message: `${label(segments)} must have at most ${max} items; got ${list.length}`,
    location: doc.spans.locateList(path, list),
    path: printable(formatPath(segments)),
    related: [],
  };
}

/** "spine: 2" is one problem: keep "unknown spine, did you mean spines?" and drop "missing spines" beside it. */
function withoutEchoes(explanations: readonly Explanation[]): Explanation[] {
  const suggested = new Set(explanations.filter((x) => x.suggested).map((x) => formatPath([...x.path.slice(0, -1), x.suggested ?? ''])));
  return explanations.filter((x) => !(x.missing && suggested.has(formatPath(x.path))));
}
