// `thrice check <spec>`: the pre-merge lint — validation, every gap check and every intent; exit 1 on any error.
import { checkTopology } from '../../compile/pipeline.js';
import type { IntentResult } from '../../analysis/intents/evaluate-intents.js';
import { type OutputFormat, createReporter } from '../report.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { type InputOptions, readInputs } from './read-inputs.js';

export function runCheck(specPath: string, opts: { format: OutputFormat } & InputOptions): number {
  const read = readInputs(specPath, opts);
  if (!read.ok) return EXIT_USAGE;
  const result = checkTopology(read.input);
  const intents = result.intents.map((i) => ({ name: i.name, expect: i.expect, verdict: i.verdict, holds: i.holds, paths: i.paths.length }));
  createReporter(opts.format).diagnostics(result.diagnostics, read.sources, { intents });
  if (opts.format === 'text' && result.intents.length > 0) process.stdout.write(intentTable(result.intents));
  return result.diagnostics.some((d) => d.severity === 'error') ? EXIT_ERRORS : EXIT_OK;
}

function intentTable(intents: readonly IntentResult[]): string {
  const rows = intents.map((i) => [i.name, i.expect, i.verdict, i.holds ? 'holds' : 'VIOLATED', pathCount(i)]);
  const header = ['intent', 'expect', 'verdict', 'result', 'paths'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] as string).length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => cell.padEnd(widths[c] as number)).join('  ').trimEnd();
  const held = intents.filter((i) => i.holds).length;
  return [line(header), ...rows.map(line), `${held} of ${intents.length} intents hold`, ''].join('\n');
}

/** How many paths, and when they disagree how many of them allow: a deny verdict with some allowing path is a violated deny. */
function pathCount(i: IntentResult): string {
  const allowed = i.paths.filter((p) => p.verdict === 'allow').length;
  return allowed === 0 || allowed === i.paths.length ? String(i.paths.length) : `${i.paths.length} (${allowed} allow)`;
}
