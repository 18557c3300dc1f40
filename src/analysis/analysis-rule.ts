// The contract of one gap check: meta (code, severity, summary, docs) plus a check over the compiled network.
import type { Location, Severity } from '../diagnostics/diagnostic.js';
import type { DataPath } from '../source/data-path.js';
import type { Spec } from '../spec/spec-types.js';
import type { TopologyIR } from '../ir/topology-ir.js';
import type { PathModel } from './paths/path-model.js';

export interface AnalysisRule {
  /** Stable kebab-case code; the rule lives in `src/analysis/rules/<code>.ts`. */
  readonly code: string;
  readonly severity: Severity;
  /** One sentence: what the finding means. */
  readonly summary: string;
  /** A paragraph for users: why it matters across layers and how to fix it (README and SARIF help). */
  readonly docs: string;
  check(ctx: AnalysisContext): void;
}

/** Where a finding points: a spec data path (resolved to file:line:col) or a location in an imported manifest. */
export type FindingPlace = DataPath | Location;

export interface FindingOptions {
  readonly related?: readonly { readonly at: FindingPlace; readonly message: string }[];
  readonly hint?: string;
  /** Overrides the rule's default severity for this finding. */
  readonly severity?: Severity;
}

export interface AnalysisContext {
  readonly ir: TopologyIR;
  /** The schema-valid spec, for what the IR does not keep (e.g. raw rule text). */
  readonly spec: Spec;
  /** Paths through every layer between endpoints; computed on demand. */
  readonly paths: PathModel;
  report(at: FindingPlace, message: string, options?: FindingOptions): void;
}
