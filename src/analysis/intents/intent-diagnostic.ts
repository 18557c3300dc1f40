// Turns an intent that does not hold into an error at the intent, naming a failing path and the rules that decided it.
import type { Diagnostic, RelatedLocation } from '../../diagnostics/diagnostic.js';
import type { SpanIndex } from '../../source/span-index.js';
import type { IntentResult } from './evaluate-intents.js';
import type { FlowPath, RuleRef } from '../paths/path-types.js';
import { formatPath } from '../../source/data-path.js';

function place(ref: RuleRef, spans: SpanIndex) {
  if (!ref.at) return undefined;
  return Array.isArray(ref.at) ? spans.locate(ref.at) : (ref.at as Exclude<RuleRef['at'], readonly unknown[] | undefined>);
}

function flowText(p: FlowPath): string {
  return `${p.from.name} → ${p.to.name} ${p.proto === 'icmp' ? 'ICMP' : `${p.proto.toUpperCase()} ${p.port}`} (${p.kind})`;
}

export function intentDiagnostic(result: IntentResult, spans: SpanIndex): Diagnostic {
  const related: RelatedLocation[] = [];
  const example = result.counterexamples[0];
  let why: string;
  if (result.empty) {
    why = `${result.empty}, so nothing can be allowed`;
  } else if (example?.unreachable) {
    why = `${flowText(example)} has no route: ${example.unreachable}`;
  } else if (example && result.expect === 'deny') {
    const bypassed = example.hops.flatMap((h) => h.checks.flatMap((c) => c.bypassed));
    why = `${flowText(example)} is allowed at every hop${bypassed.length > 0 ? `; ${bypassed.length} rule(s) meant for it were bypassed` : ''}`;
    for (const b of bypassed) {
      const location = place(b, spans);
      if (location) related.push({ location, message: `bypassed: ${b.why}` });
    }
  } else if (example) {
    const deny = example.hops.flatMap((h) => h.checks.filter((c) => c.verdict === 'deny').map((c) => ({ h, c })))[0];
    why = `${flowText(example)} is denied${deny ? ` at ${deny.h.at} by ${deny.c.decidedBy?.description ?? deny.c.name} (${deny.c.reason})` : ''}`;
    const location = deny ? place(deny.c.decidedBy ?? { description: '', at: deny.c.at }, spans) : undefined;
    if (location) related.push({ location, message: 'decided here' });
  } else {
    why = 'no path';
  }
  const count = result.counterexamples.length;
  return {
    code: 'intent-violated',
    severity: 'error',
    message: `intent ${result.name} expects ${result.expect} but ${count > 0 ? `${count} of ${result.paths.length} path(s) ${result.expect === 'deny' ? 'allow' : 'deny'} it` : 'it does not hold'}: ${why}`,
    location: spans.locate(result.origin),
    path: formatPath(result.origin),
    related,
    hint: `run \`thrice explain\` with this intent's endpoints to see every hop`,
  };
}
