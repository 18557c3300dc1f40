// Compares observations with predictions per probe and per intent, and prints the table `lab verify` shows.
import type { IntentPrediction, Verdict } from './intent-prediction.js';
import type { ProbeOutcome } from './probe-runner.js';

export interface IntentObservation {
  readonly intent: IntentPrediction;
  readonly outcomes: readonly ProbeOutcome[];
  /** Like the analysis's verdict: allow only when every probe got through; `n/a` when nothing could be probed. */
  readonly observed: Verdict | 'n/a';
  /** Probes whose observation differs from their prediction. */
  readonly differing: readonly ProbeOutcome[];
}

export function observe(intent: IntentPrediction, outcomes: readonly ProbeOutcome[]): IntentObservation {
  const sent = outcomes.filter((o) => o.observed !== 'skipped');
  const observed = sent.length === 0 ? 'n/a' : sent.every((o) => o.observed === 'allow') ? 'allow' : 'deny';
  const differing = sent.filter((o) => o.probe.predicted !== 'either' && o.probe.predicted !== o.observed);
  return { intent, outcomes, observed, differing };
}

export function describeProbe(o: ProbeOutcome): string {
  const p = o.probe;
  const from = o.sourceAddress ? `${p.from.name} (from ${o.sourceAddress})` : p.from.name;
  return `${from} -> ${p.to.name} ${p.proto.toUpperCase()}${p.port === undefined ? '' : ` ${p.port}`}`;
}

export function verifyTable(rows: readonly IntentObservation[]): string {
  const header = ['intent', 'expected', 'predicted', 'observed', 'probes', 'result'];
  const cells = rows.map((r) => {
    const sent = r.outcomes.filter((o) => o.observed !== 'skipped').length;
    const agree = sent - r.differing.length;
    const result = r.differing.length > 0 ? 'DIFFERS from the analysis' : r.observed === 'n/a' ? 'not probed' : r.observed === r.intent.expect ? 'holds' : 'violated, as predicted';
    return [r.intent.name, r.intent.expect, r.intent.predicted, r.observed, `${agree}/${sent} agree${sent < r.outcomes.length ? `, ${r.outcomes.length - sent} skipped` : ''}`, result];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => (row[c] as string).length)));
  const line = (row: readonly string[]) => row.map((cell, c) => cell.padEnd(widths[c] as number)).join('  ').trimEnd();
  const details = rows.flatMap((r) => [
    ...r.differing.map((o) => `  ${r.intent.name}: ${describeProbe(o)}: predicted ${o.probe.predicted}, observed ${o.observed} (${o.detail})`),
    ...r.outcomes.filter((o) => o.observed === 'skipped').map((o) => `  ${r.intent.name}: ${describeProbe(o)}: not probed: ${o.detail}`),
  ]);
  return [line(header), ...cells.map(line), ...(details.length ? ['', ...details] : []), ''].join('\n');
}
