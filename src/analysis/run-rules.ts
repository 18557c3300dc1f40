// Runs the analysis rules over one compiled network and turns their findings into located diagnostics.
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import type { SpanIndex } from '../source/span-index.js';
import { type DataPath, formatPath } from '../source/data-path.js';
import type { AnalysisContext, AnalysisRule, FindingOptions, FindingPlace } from './analysis-rule.js';
import { analysisRules } from './rules/index.js';

/** What every rule reads: the context without `report`, which the runner gives each rule stamped with its code. */
export type AnalysisInput = Omit<AnalysisContext, 'report'>;

/**
 * Each rule in registry order; nothing is caught, because a rule that throws is a bug to fix, not a finding.
 * `paths` is read through a getter, so a lazily built path model is built only when a rule asks for it.
 */
export function runRules(input: AnalysisInput, spans: SpanIndex, rules: readonly AnalysisRule[] = analysisRules): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    rule.check({
      ir: input.ir,
      spec: input.spec,
      get paths() {
        return input.paths;
      },
      report: (at, message, options) => out.push(findingDiagnostic(rule, input.spec, spans, at, message, options)),
    });
  }
  return out;
}

/** A finding as a diagnostic: spec data paths resolved through the spec's spans, manifest locations kept. */
export function findingDiagnostic(
  rule: AnalysisRule,
  spec: unknown,
  spans: SpanIndex,
  at: FindingPlace,
  message: string,
  options: FindingOptions = {},
): Diagnostic {
  const locate = (place: FindingPlace): Location => (isDataPath(place) ? locatePath(spec, spans, place) : place);
  return {
    code: rule.code,
    severity: options.severity ?? rule.severity,
    message,
    location: locate(at),
    ...(isDataPath(at) ? { path: formatPath(at) } : {}),
    related: (options.related ?? []).map((r) => ({ location: locate(r.at), message: r.message })),
    ...(options.hint === undefined ? {} : { hint: options.hint }),
  };
}

function isDataPath(place: FindingPlace): place is DataPath {
  return Array.isArray(place);
}

/** A mapping or list under a key is pointed at by its key (`fabric:`), a scalar or list item by its value. */
function locatePath(spec: unknown, spans: SpanIndex, path: DataPath): Location {
  let value: unknown = spec;
  for (const segment of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  const container = value !== null && typeof value === 'object';
  return container && typeof path[path.length - 1] === 'string' ? spans.locateKey(path) : spans.locate(path);
}
