// A small RuleTester: compiles YAML text, runs one analysis rule over it, and checks the findings' code, place and severity.
import { describe, expect, it } from 'vitest';
import type { AnalysisRule } from '../../src/analysis/analysis-rule.js';
import type { PathModel } from '../../src/analysis/paths/path-model.js';
import { createPathModel } from '../../src/analysis/paths/create-path-model.js';
import { type AnalysisInput, runRules } from '../../src/analysis/run-rules.js';
import { buildTopology, type CompilerHost } from '../../src/compile/pipeline.js';
import type { Diagnostic, Severity } from '../../src/diagnostics/diagnostic.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';

export const SPEC_FILE = 'spec.yaml';

export interface RuleCase {
  readonly name: string;
  /** The topology as YAML text, compiled as `spec.yaml`. */
  readonly spec: string;
  /** Manifest files by path (`k8s/a.yaml`), matched against the spec's `manifests` globs. */
  readonly manifests?: Readonly<Record<string, string>>;
  /** Alters the compiled IR, for states the compiler cannot produce but a rule must still guard against. */
  readonly mapIr?: (ir: TopologyIR) => TopologyIR;
}

export interface ExpectedFinding {
  readonly line: number;
  readonly column: number;
  /** The rule's default when omitted. */
  readonly severity?: Severity;
  /** `spec.yaml` when omitted; a manifest path for findings in imported objects. */
  readonly file?: string;
}

export interface InvalidRuleCase extends RuleCase {
  readonly findings: readonly ExpectedFinding[];
}

export interface RuleTestOptions {
  /**
   * `model` (default): the real layered path model, built on first use, as the pipeline gives it.
   * `none`: reading `paths` throws, which proves an IR-level rule never pays for the path model.
   */
  readonly paths?: 'model' | 'none';
}

/** For rules that read only the IR. */
export const IR_ONLY: RuleTestOptions = Object.freeze({ paths: 'none' });

/** Compiles the case (it must compile without errors) and returns the rule's findings as diagnostics, sorted by place. */
export function findingsOf(rule: AnalysisRule, test: RuleCase, options: RuleTestOptions = {}): Diagnostic[] {
  const result = buildTopology({ spec: { file: SPEC_FILE, text: test.spec }, host: memoryHost(test.manifests ?? {}) });
  if (!result.ir || !result.spec || !result.source) {
    const errors = result.diagnostics.map((d) => `${d.code} ${d.location?.file}:${d.location?.line}:${d.location?.column} ${d.message}`);
    throw new Error(`the spec of "${test.name}" does not compile:\n${errors.join('\n')}`);
  }
  const ir = test.mapIr ? test.mapIr(result.ir) : result.ir;
  let model: PathModel | undefined;
  const input: AnalysisInput = {
    ir,
    spec: result.spec,
    get paths(): PathModel {
      if (options.paths === 'none') throw new Error('the path model is not available in IR-level rule tests');
      return (model ??= createPathModel(ir));
    },
  };
  return runRules(input, result.source.spans, [rule]).sort(byPlace);
}

/** `code file:line:col severity`, the form findings are compared in. */
export function describeFinding(d: Pick<Diagnostic, 'code' | 'severity' | 'location'>): string {
  return `${d.code} ${d.location?.file}:${d.location?.line}:${d.location?.column} ${d.severity}`;
}

/** ESLint's shape: every valid case reports nothing, every invalid case exactly its findings. */
export function testRule(
  rule: AnalysisRule,
  cases: { valid: readonly RuleCase[]; invalid: readonly InvalidRuleCase[] },
  options: RuleTestOptions = {},
): void {
  describe(rule.code, () => {
    for (const test of cases.valid) {
      it(`valid: ${test.name}`, () => {
        expect(findingsOf(rule, test, options).map(describeFinding)).toEqual([]);
      });
    }
    for (const test of cases.invalid) {
      it(`invalid: ${test.name}`, () => {
        const expected = test.findings
          .map((f) => ({ code: rule.code, severity: f.severity ?? rule.severity, location: { file: f.file ?? SPEC_FILE, line: f.line, column: f.column, endLine: 0, endColumn: 0 } }))
          .sort(byPlace);
        const found = findingsOf(rule, test, options);
        expect(found.map(describeFinding)).toEqual(expected.map(describeFinding));
        for (const d of found) expect(d.message.length, 'every finding says something').toBeGreaterThan(0);
      });
    }
  });
}

function byPlace(a: Pick<Diagnostic, 'location'>, b: Pick<Diagnostic, 'location'>): number {
  const x = a.location;
  const y = b.location;
  return (x?.file ?? '').localeCompare(y?.file ?? '') || (x?.line ?? 0) - (y?.line ?? 0) || (x?.column ?? 0) - (y?.column ?? 0);
}

const GLOB: Readonly<Record<string, string>> = { '**/': '(?:.*/)?', '**': '.*', '*': '[^/]*', '?': '[^/]' };

/** Manifests from memory: `*` matches within one path segment, `**` across segments. */
function memoryHost(files: Readonly<Record<string, string>>): CompilerHost {
  return {
    readManifests(pattern) {
      const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\/|\*\*|\*|\?/g, (m) => GLOB[m]!);
      const re = new RegExp(`^${source}$`);
      return Object.keys(files)
        .filter((path) => re.test(path))
        .sort()
        .map((path) => ({ file: path, text: files[path]! }));
    },
  };
}
