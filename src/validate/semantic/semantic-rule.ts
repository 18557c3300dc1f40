// The contract of one semantic validation rule: meta plus a check over the schema-valid spec.
import type { Diagnostic, RelatedLocation, Severity } from '../../diagnostics/diagnostic.js';
import type { DataPath } from '../../source/data-path.js';
import type { SpanIndex } from '../../source/span-index.js';
import type { Spec } from '../../spec/spec-types.js';
import { formatPath } from '../../source/data-path.js';

export interface SemanticRule {
  /** Rule name; diagnostics carry the codes listed in `codes`. */
  readonly name: string;
  readonly codes: readonly { readonly code: string; readonly severity: Severity; readonly summary: string }[];
  check(spec: Spec, ctx: SemanticContext): void;
}

export interface ReportOptions {
  readonly severity?: Severity;
  readonly related?: readonly { readonly path: DataPath; readonly message: string }[];
  readonly hint?: string;
  /** Point at the mapping key instead of the value (e.g. for a whole object). */
  readonly atKey?: boolean;
}

export class SemanticContext {
  constructor(
    readonly spans: SpanIndex,
    private readonly sink: (d: Diagnostic) => void,
  ) {}

  report(code: string, path: DataPath, message: string, options: ReportOptions = {}): void {
    const related: RelatedLocation[] = (options.related ?? []).map((r) => ({
      location: this.spans.locate(r.path),
      message: r.message,
    }));
    this.sink({
      code,
      severity: options.severity ?? 'error',
      message,
      location: options.atKey ? this.spans.locateKey(path) : this.spans.locate(path),
      path: formatPath(path),
      related,
      hint: options.hint,
    });
  }
}
