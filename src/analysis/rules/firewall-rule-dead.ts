// Rule: a firewall or security-group rule that can match no packet at all (no address, or ICMP with ports).
import type { AnalysisRule } from '../analysis-rule.js';
import { ANY_ADDRESS, neverMatches } from '../match-space.js';
import type { FirewallIR, FirewallRuleIR } from '../../ir/firewall-ir.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import { ruleVpcs, vpcsSeenAt } from '../../ir/vpc-traffic.js';

/**
 * A rule naming objects inside VPCs matches only those VPCs' traffic (and their peers'): dead on a firewall whose
 * devices carry none of it. Spines and super-spines are inner-address-at-encapsulated-hop's to report.
 */
function vpcsNotHere(ir: TopologyIR, fw: FirewallIR, rule: FirewallRuleIR): string | undefined {
  const vpcs = ruleVpcs(rule.from, rule.to);
  if (vpcs === undefined || vpcs.length === 0 || fw.enforcedOn.length === 0 || fw.placement.kind === 'spines' || fw.placement.kind === 'superSpines') return undefined;
  if (fw.enforcedOn.some((device) => vpcsSeenAt(ir, fw.placement.kind, device).some((v) => vpcs.includes(v)))) return undefined;
  return `it matches only traffic of VPC ${vpcs.join(', ')}, and ${fw.enforcedOn.join(', ')} carries none`;
}

export const firewallRuleDead: AnalysisRule = {
  code: 'firewall-rule-dead',
  severity: 'warning',
  summary: 'A firewall or security-group rule can never match a packet.',
  docs:
    'A rule whose `from` or `to` resolves to no address at all (a reference that covers nothing, such as `loopbacks` ' +
    'in a spec without a fabric), or an ICMP rule with ports (ICMP has none), is emitted as a rule that matches ' +
    'nothing. It reads like protection or like a permission, and does neither: an allow rule leaves the traffic to ' +
    'the default action, a deny rule lets through what it was written to stop. A reference into a VPC (`vm:`, ' +
    '`subnet:`, `vpc:`, `pods:`, `services:`) matches only that VPC\'s traffic and its peers\' (unpeered VPCs may reuse ' +
    'its addresses), so it is dead in a security group of an unpeered VPC, on a leaf, hypervisor or VM that carries ' +
    'none of that traffic, and as the other side of a reference into an unpeered VPC. Fix: point the rule at the range it is ' +
    'meant for, drop the ports of an ICMP rule, or delete the rule.',
  check(ctx) {
    for (const fw of ctx.ir.firewalls) {
      fw.rules.forEach((rule, i) => {
        const why = neverMatches(rule.from, rule.to, rule.proto, rule.ports) ?? vpcsNotHere(ctx.ir, fw, rule);
        if (why) ctx.report(rule.origin, `rule ${i + 1} (${rule.action}) of firewall ${fw.name} can never match: ${why}`);
      });
    }
    for (const vpc of ctx.ir.overlay.vpcs) {
      for (const group of vpc.securityGroups) {
        for (const direction of ['ingress', 'egress'] as const) {
          (group[direction] ?? []).forEach((rule, i) => {
            // The other side of a security-group rule is the VM itself, which any address stands for here.
            const [from, to] = direction === 'ingress' ? [rule.peer, ANY_ADDRESS] : [ANY_ADDRESS, rule.peer];
            const elsewhere = rule.peer.vpcs && !rule.peer.vpcs.includes(vpc.name) ? `${rule.peer.ref} is in a VPC that VPC ${vpc.name} is not peered with` : undefined;
            const why = neverMatches(from, to, rule.proto, rule.ports) ?? elsewhere;
            if (why) ctx.report(rule.origin, `${direction} rule ${i + 1} of security group ${vpc.name}/${group.name} can never match: ${why}`);
          });
        }
      }
    }
  },
};
