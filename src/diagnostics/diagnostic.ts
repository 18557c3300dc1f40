// The diagnostic record every stage reports: a stable code, a place in the source, related places and a hint.

export type Severity = 'error' | 'warning' | 'info';

/** A 1-based line/column range in one source file. */
export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface RelatedLocation {
  readonly location: Location;
  readonly message: string;
}

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly location?: Location;
  /** Data path of the offending value, e.g. `vpcs[1].subnets[0].vni`. */
  readonly path?: string;
  readonly related: readonly RelatedLocation[];
  readonly hint?: string;
}

/** Collects diagnostics for one run; stages only ever append. */
export class DiagnosticBag {
  readonly #items: Diagnostic[] = [];

  add(diagnostic: Diagnostic): void {
    this.#items.push(diagnostic);
  }

  get items(): readonly Diagnostic[] {
    return this.#items;
  }

  get errorCount(): number {
    return this.#items.filter((d) => d.severity === 'error').length;
  }

  hasErrors(): boolean {
    return this.#items.some((d) => d.severity === 'error');
  }
}

/** Deterministic order for printing: by file, line, column, then code. */
export function sortDiagnostics(items: readonly Diagnostic[]): Diagnostic[] {
  return [...items].sort((a, b) => {
    const fa = a.location?.file ?? '';
    const fb = b.location?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    const la = a.location?.line ?? 0;
    const lb = b.location?.line ?? 0;
    if (la !== lb) return la - lb;
    const ca = a.location?.column ?? 0;
    const cb = b.location?.column ?? 0;
    if (ca !== cb) return ca - cb;
    if (a.code !== b.code) return a.code < b.code ? -1 : 1;
    return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
  });
}
