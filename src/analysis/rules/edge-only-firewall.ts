// Rule: an east-west intent is written as if a border firewall rule enforced it, but east-west traffic never reaches the border.
import type { AnalysisRule } from '../analysis-rule.js';
import { evaluateIntents } from '../intents/evaluate-intents.js';
import { firewallRuleMatches } from '../paths/filter-checks.js';

export const edgeOnlyFirewall: AnalysisRule = {
  code: 'edge-only-firewall',
  severity: 'warning',
  summary: 'A border firewall rule targets east-west traffic, which never crosses the border.',
  docs:
    'Border firewalls sit between the border leaves and the outside: they see north-south traffic only. A rule there ' +
    'whose addresses match traffic between two internal endpoints of an intent (VM to VM, pod to VM) looks like it ' +
    'enforces that intent, but east-west packets never reach the border, so the rule has no effect on them. Fix: ' +
    'enforce east-west intents with security groups, host or leaf firewalls, or NetworkPolicies.',
  check(ctx) {
    const border = ctx.ir.firewalls.filter((f) => f.placement.kind === 'border');
    if (border.length === 0) return;
    const reported = new Set<string>();
    for (const intent of evaluateIntents(ctx.spec, ctx.ir, ctx.paths)) {
      for (const path of intent.paths) {
        if (path.from.kind === 'external' || path.to.kind === 'external') continue;
        const payload = path.hops[0]?.headers.at(-1);
        if (!payload) continue;
        for (const fw of border) {
          fw.rules.forEach((rule, i) => {
            const k = `${fw.name}/${i}/${intent.name}`;
            if (reported.has(k) || !firewallRuleMatches(rule, payload)) return;
            reported.add(k);
            ctx.report(rule.origin, `${fw.name} rule ${i + 1} matches east-west traffic of intent ${intent.name} (${path.from.name} → ${path.to.name}), which never crosses the border`, {
              related: [{ at: intent.origin, message: `intent ${intent.name}` }],
            });
          });
        }
      }
    }
  },
};
