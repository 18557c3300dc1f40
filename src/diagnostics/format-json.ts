// Prints diagnostics as one stable, pretty-printed JSON document for machines (`--format json`).
import { type Diagnostic, type Location, sortDiagnostics } from './diagnostic.js';

export interface JsonLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface JsonDiagnostic {
  readonly code: string;
  readonly severity: Diagnostic['severity'];
  readonly message: string;
  /** `null` for diagnostics about the run rather than a place (e.g. a missing input file). */
  readonly location: JsonLocation | null;
  readonly path?: string;
  readonly related: readonly { readonly location: JsonLocation; readonly message: string }[];
  readonly hint?: string;
}

export interface JsonSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

const RESERVED_KEYS = new Set(['diagnostics', 'summary']);

/**
 * `{ diagnostics, summary, ...extra }`, sorted diagnostics, keys in a fixed order, two-space indent and a
 * trailing newline. `extra` adds top-level sections (e.g. `intents` from `check`) after the summary.
 */
export function formatJson(diagnostics: readonly Diagnostic[], extra: Record<string, unknown> = {}): string {
  for (const key of Object.keys(extra)) {
    if (RESERVED_KEYS.has(key)) throw new Error(`formatJson: extra key "${key}" would replace the ${key} section`);
  }
  const document = {
    diagnostics: sortDiagnostics(diagnostics).map(toJsonDiagnostic),
    summary: summarize(diagnostics),
    ...extra,
  };
  return JSON.stringify(document, null, 2) + '\n';
}

export function summarize(diagnostics: readonly Diagnostic[]): JsonSummary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** Builds each object literally so key order never depends on how the diagnostic was constructed. */
function toJsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    location: d.location ? toJsonLocation(d.location) : null,
    ...(d.path !== undefined ? { path: d.path } : {}),
    related: d.related.map((r) => ({ location: toJsonLocation(r.location), message: r.message })),
    ...(d.hint !== undefined ? { hint: d.hint } : {}),
  };
}

function toJsonLocation(l: Location): JsonLocation {
  return { file: l.file, line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn };
}
