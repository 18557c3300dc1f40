// Rule: within one intent, a filter rule decides the flow on some paths but is tunnelled past or not crossed on others.
import type { AnalysisRule } from '../analysis-rule.js';
import type { DataPath } from '../../source/data-path.js';
import type { FlowPath } from '../paths/path-types.js';
import { evaluateIntents } from '../intents/evaluate-intents.js';
import { listSome } from '../finding-text.js';

function key(at: unknown): string {
  return JSON.stringify(at);
}

export const mixedEncapsulation: AnalysisRule = {
  code: 'mixed-encapsulation',
  severity: 'warning',
  summary: "A rule decides an intent's flow on some paths but is bypassed (tunnelled or not crossed) on others.",
  docs:
    'The same flow can take paths that look different to a filter: between VMs under one leaf it never crosses a spine; ' +
    'between racks it crosses the spines inside VPC VXLAN; between nodes its pod traffic is inside flannel VXLAN. A rule ' +
    'that decides the flow on one path may therefore be bypassed on another, so the behaviour depends on where ' +
    'workloads happen to be placed and changes when a VM moves. thrice reports a rule that decides at least one path of ' +
    'an intent while at least one other path of that intent gets past it. Fix: enforce the rule at a placement every ' +
    'path crosses with the flow header outermost (security groups, host firewalls, NetworkPolicies).',
  check(ctx) {
    const rules = new Map<string, { at: DataPath; description: string; decided: FlowPath[]; missed: FlowPath[]; intent: string }>();
    for (const intent of evaluateIntents(ctx.spec, ctx.ir, ctx.paths)) {
      for (const path of intent.paths) {
        const seenHere = new Set<string>();
        for (const hop of path.hops) {
          // Replies are judged where the first packet went; the rule is about what decides the flow.
          if (hop.reply) continue;
          for (const check of hop.checks) {
            const decided = check.decidedBy?.at;
            if (decided && Array.isArray(decided)) {
              const k = key(decided);
              seenHere.add(k);
              const entry = rules.get(k) ?? { at: decided as DataPath, description: check.decidedBy?.description ?? '', decided: [], missed: [], intent: intent.name };
              entry.decided.push(path);
              rules.set(k, entry);
            }
            for (const b of check.bypassed) {
              if (!b.at || !Array.isArray(b.at)) continue;
              const k = key(b.at);
              const entry = rules.get(k) ?? { at: b.at as DataPath, description: b.description, decided: [], missed: [], intent: intent.name };
              entry.missed.push(path);
              rules.set(k, entry);
            }
          }
        }
      }
      for (const entry of rules.values()) {
        if (entry.intent !== intent.name || entry.decided.length === 0) continue;
        const decidedOn = new Set(entry.decided);
        for (const path of intent.paths) {
          if (!decidedOn.has(path) && path.verdict !== entry.decided[0]?.verdict && !entry.missed.includes(path)) entry.missed.push(path);
        }
      }
    }
    for (const entry of rules.values()) {
      if (entry.decided.length === 0 || entry.missed.length === 0) continue;
      const names = (ps: FlowPath[]) => listSome([...new Set(ps.map((p) => `${p.from.name} → ${p.to.name} (${p.kind})`))]);
      ctx.report(entry.at, `${entry.description} decides intent ${entry.intent} on ${names(entry.decided)} but is bypassed on ${names(entry.missed)}`, {
        hint: 'enforce it where every path crosses with the flow header outermost',
      });
    }
  },
};
