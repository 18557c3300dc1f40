// Rule: a firewall or security-group rule written on addresses its placement never sees in the outermost header.
import type { AnalysisRule } from '../analysis-rule.js';
import type { AddressIR } from '../../ir/address-ir.js';
import type { PlacementView } from '../visible-ranges.js';
import { overlaps, placementView } from '../visible-ranges.js';
import { rangeOfCidr } from '../paths/address-range.js';

/** Why an address can never be in the header at this placement, or undefined when it can. */
function neverSeen(address: AddressIR, view: PlacementView): string | undefined {
  const rs = address.cidrs.map(rangeOfCidr).filter((r) => r !== undefined);
  if (rs.length === 0 || rs.some((r) => r.first === 0 && r.last === 0xffffffff)) return undefined;
  const visible = rs.filter((r) => !view.hidden.some((h) => h.range.first <= r.first && r.last <= h.range.last) && (!view.only || view.only.some((o) => overlaps(o, r))));
  if (visible.length > 0) return undefined;
  const hiddenBy = view.hidden.find((h) => rs.some((r) => overlaps(h.range, r)));
  return hiddenBy ? `${address.ref} lies in ${hiddenBy.what}` : `${address.ref} is not an underlay address`;
}

export const innerAddressAtEncapsulatedHop: AnalysisRule = {
  code: 'inner-address-at-encapsulated-hop',
  severity: 'error',
  summary: 'A rule matches on addresses that its placement only ever sees inside a tunnel, so it never matches.',
  docs:
    'Every filter sees only the header that is outermost at its position. Spine and super-spine firewalls see tenant ' +
    'traffic as VPC VXLAN between leaf loopbacks (UDP 4789), so a rule naming VPC, subnet, VM or pod addresses never ' +
    'matches there. Leaf, hypervisor, VM and border filters see VPC headers, but pod traffic leaves a node either inside ' +
    "flannel's VXLAN or WireGuard (between node addresses) or masqueraded to the node's address, so rules on pod or service " +
    'addresses never match there either (with the host-gw backend pod addresses do reach VM, hypervisor and leaf filters, ' +
    'routed unencapsulated between nodes). Such a rule is silently dead: a deny protects nothing and an allow grants nothing. ' +
    'Fix: enforce tenant rules where the tenant header is outermost (security groups, leaf host ports, host or VM ' +
    'firewalls) and pod rules with NetworkPolicies; `thrice explain` shows what each hop sees.',
  check(ctx) {
    for (const fw of ctx.ir.firewalls) {
      const view = placementView(ctx.ir, fw.placement.kind);
      fw.rules.forEach((rule, i) => {
        for (const [side, address] of [['from', rule.from], ['to', rule.to]] as const) {
          const why = neverSeen(address, view);
          if (!why) continue;
          ctx.report([...rule.origin, side], `${fw.name} rule ${i + 1} never matches at ${fw.placement.kind}: ${why}, and ${fw.placement.kind} sees ${view.sees}`, {
            hint: fw.placement.kind === 'spines' || fw.placement.kind === 'superSpines' ? 'move the rule to security groups, leaf host ports or host firewalls, where the tenant header is outermost' : 'filter pod traffic with NetworkPolicies',
          });
          break;
        }
      });
    }
    const view = placementView(ctx.ir, 'host');
    for (const vpc of ctx.ir.overlay.vpcs) {
      for (const group of vpc.securityGroups) {
        for (const rule of [...group.ingress, ...(group.egress ?? [])]) {
          const why = neverSeen(rule.peer, view);
          if (why) ctx.report(rule.origin, `security group ${group.name}: this rule never matches: ${why}; a VM's port sees ${view.sees}`, { hint: 'filter pod traffic with NetworkPolicies' });
        }
      }
    }
  },
};
