// Rule: a firewall rule never decides because an earlier rule matches all it matches (and its security-group twin: a rule another covers).
import type { AnalysisRule } from '../analysis-rule.js';
import { ANY_ADDRESS, type RuleMatch, covers, neverMatches, ruleMatch } from '../match-space.js';
import type { FirewallIR } from '../../ir/firewall-ir.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import { naturalCompare } from '../../ir/natural-order.js';
import { vpcsSeenAt } from '../../ir/vpc-traffic.js';

/** The VPCs whose traffic the firewall judges on its devices (every VPC while it is enforced nowhere). */
function vpcsJudged(ir: TopologyIR, fw: FirewallIR): string[] {
  if (fw.enforcedOn.length === 0) return ir.overlay.vpcs.map((v) => v.name);
  return [...new Set(fw.enforcedOn.flatMap((d) => vpcsSeenAt(ir, fw.placement.kind, d)))].sort(naturalCompare);
}

/** The rule's match where it can match something; a rule limited to VPCs the filter never sees matches nothing. */
function liveMatch(m: RuleMatch): RuleMatch | undefined {
  return m.vpcs?.length === 0 ? undefined : m;
}

const VERB = { allow: 'allows', deny: 'denies' } as const;

export const firewallRuleShadowed: AnalysisRule = {
  code: 'firewall-rule-shadowed',
  severity: 'warning',
  summary: 'A firewall rule is covered by an earlier rule, or a security-group rule by another rule of its group.',
  docs:
    'Firewall rules are first-match: a rule whose sources, destinations, protocols and ports all lie within one earlier ' +
    'rule\'s is never consulted. With the same action it is redundant, and misleads whoever edits it later; with the ' +
    'other action it is a conflict: the author meant an exception, and the earlier rule wins every time. Security ' +
    'groups are allow-only and unordered, so there a rule covered by another rule of the same group and direction is ' +
    'redundant. Containment is exact over address ranges (references resolved to their CIDRs, and those into a VPC to its traffic), protocols and port ' +
    'ranges; a rule covered only by several earlier rules together is not reported. Rules that match nothing at all ' +
    'are firewall-rule-dead. Fix: delete the redundant rule, or move an exception above the rule that covers it.',
  check(ctx) {
    for (const fw of ctx.ir.firewalls) {
      const seen = vpcsJudged(ctx.ir, fw);
      const matches = fw.rules.map((r) => (neverMatches(r.from, r.to, r.proto, r.ports) ? undefined : liveMatch(ruleMatch(r.from, r.to, r.proto, r.ports, seen))));
      fw.rules.forEach((rule, i) => {
        const mine = matches[i];
        const j = mine ? matches.slice(0, i).findIndex((m) => m !== undefined && covers(m, mine)) : -1;
        if (j < 0) return;
        const earlier = fw.rules[j]!;
        const same = earlier.action === rule.action;
        ctx.report(rule.origin, same
          ? `rule ${i + 1} of firewall ${fw.name} is redundant: rule ${j + 1} already ${VERB[earlier.action]} everything it matches`
          : `rule ${i + 1} (${rule.action}) of firewall ${fw.name} is shadowed: rule ${j + 1} ${VERB[earlier.action]} everything it matches first`, {
          related: [{ at: earlier.origin, message: `rule ${j + 1} matches first` }],
          hint: same ? 'delete the redundant rule' : 'move the exception above the rule that covers it',
        });
      });
    }
    for (const vpc of ctx.ir.overlay.vpcs) {
      for (const group of vpc.securityGroups) {
        for (const direction of ['ingress', 'egress'] as const) {
          const rules = group[direction] ?? [];
          const matches: (RuleMatch | undefined)[] = rules.map((r) =>
            neverMatches(r.peer, ANY_ADDRESS, r.proto, r.ports) ? undefined : liveMatch(ruleMatch(r.peer, ANY_ADDRESS, r.proto, r.ports, [vpc.name])),
          );
          // Unordered: a rule is redundant under any other that covers it; of two equal rules only the later is reported.
          rules.forEach((rule, i) => {
            const mine = matches[i];
            const j = !mine ? -1 : matches.findIndex((m, k) => k !== i && m !== undefined && covers(m, mine) && (k < i || !covers(mine, m)));
            if (j < 0) return;
            ctx.report(rule.origin, `${direction} rule ${i + 1} of security group ${vpc.name}/${group.name} is redundant: rule ${j + 1} already allows everything it matches`, {
              related: [{ at: rules[j]!.origin, message: `rule ${j + 1} covers it` }],
              hint: 'delete the redundant rule',
            });
          });
        }
      }
    }
  },
};
