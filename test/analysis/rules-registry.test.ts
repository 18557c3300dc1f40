// Meta-test: every rule file is registered, exports one documented rule named after its file, and has its own test.
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnalysisRule } from '../../src/analysis/analysis-rule.js';
import { analysisCodes } from '../../src/analysis/analysis-codes.js';
import { analysisRules } from '../../src/analysis/rules/index.js';

const rulesDir = new URL('../../src/analysis/rules/', import.meta.url);
const testsDir = new URL('./rules/', import.meta.url);
const ruleFiles = readdirSync(rulesDir)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .sort();

function isRule(value: unknown): value is AnalysisRule {
  return typeof value === 'object' && value !== null && typeof (value as AnalysisRule).code === 'string' && typeof (value as AnalysisRule).check === 'function';
}

describe('analysis rule registry', () => {
  it.each(ruleFiles)('%s exports one registered rule named after the file', async (file) => {
    const module = (await import(new URL(file, rulesDir).href)) as Record<string, unknown>;
    const rules = Object.values(module).filter(isRule);
    expect(rules, 'exactly one AnalysisRule export').toHaveLength(1);
    const [rule] = rules as [AnalysisRule];
    expect(`${rule.code}.ts`).toBe(file);
    expect(analysisRules, `${rule.code} is registered in src/analysis/rules/index.ts`).toContain(rule);
  });

  it('has a rule file and a test file for every registered rule', () => {
    const missing = analysisRules.flatMap((r) => [
      ...(ruleFiles.includes(`${r.code}.ts`) ? [] : [`src/analysis/rules/${r.code}.ts`]),
      ...(existsSync(new URL(`${r.code}.test.ts`, testsDir)) ? [] : [`test/analysis/rules/${r.code}.test.ts`]),
    ]);
    expect(missing).toEqual([]);
  });

  it.each(analysisRules.map((r) => [r.code, r] as const))('%s is documented', (_, rule) => {
    expect(rule.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(['error', 'warning', 'info']).toContain(rule.severity);
    expect(rule.summary).toMatch(/^[A-Z`].*\.$/);
    // A paragraph for users (what, why across layers, how to fix), not a restated summary.
    expect(rule.docs.length).toBeGreaterThan(2 * rule.summary.length);
  });

  it('is frozen, has unique codes, and lists them in the catalog in registry order', () => {
    expect(Object.isFrozen(analysisRules)).toBe(true);
    const codes = analysisRules.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(analysisCodes.map((c) => c.code)).toEqual(codes);
    expect(analysisCodes.map((c) => c.severity)).toEqual(analysisRules.map((r) => r.severity));
  });
});
