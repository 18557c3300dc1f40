// Rule: a stateful firewall sits on several members of an ECMP set, so a flow's reply may cross a member that never saw its first packet.
import type { AnalysisRule } from '../analysis-rule.js';
import type { FirewallIR } from '../../ir/firewall-ir.js';
import type { TopologyIR } from '../../ir/topology-ir.js';

/**
 * The switches among which ECMP picks per direction, for the placements that sit on them: the border leaves (the tenant
 * VRFs' default route and the outside's routing), the spines of one pod, the super-spines. Hosts and VMs carry both
 * directions of their own traffic.
 */
function ecmpSets(ir: TopologyIR, fw: FirewallIR): string[][] {
  const switches = ir.fabric?.switches ?? [];
  const on = (names: readonly string[]) => names.filter((n) => fw.enforcedOn.includes(n));
  switch (fw.placement.kind) {
    case 'border':
      return [on(switches.filter((s) => s.role === 'border').map((s) => s.name))];
    case 'superSpines':
      return [on(switches.filter((s) => s.role === 'super-spine').map((s) => s.name))];
    case 'spines': {
      const pods = [...new Set(switches.filter((s) => s.role === 'spine').map((s) => s.pod))];
      return pods.map((pod) => on(switches.filter((s) => s.role === 'spine' && s.pod === pod).map((s) => s.name)));
    }
    default:
      return [];
  }
}

export const statefulFilterAsymmetric: AnalysisRule = {
  code: 'stateful-filter-asymmetric',
  severity: 'error',
  summary: 'A stateful firewall is enforced on several members of an ECMP set, where a reply may cross another member than its flow.',
  docs:
    'A stateful filter passes replies by its own connection tracking, so it must see both directions of every flow. Where ' +
    'ECMP picks a member per direction, it does not: the fabric hashes a reply toward the outside over every border leaf ' +
    '(each announces the tenant VRFs\' default route), the outside sends traffic in through any border it likes, and the ' +
    'spines split the two directions of one flow as well. A reply that crosses a member which never saw its first packet ' +
    'is dropped there (Linux conntrack marks a SYN-ACK or an echo reply without its request invalid) or judged as a new ' +
    'flow (UDP), so connections fail depending on a hash. thrice emits border firewalls of several border leaves stateless ' +
    'with reflexive reply rules and fabric-core firewalls stateless, so its own outputs never do this; the rule guards the ' +
    'model and any hand-edited ruleset. Fix: keep such a filter stateless with explicit reply rules, or route each flow ' +
    'symmetrically through one member (and say so in the design), or synchronise the state (conntrackd), which thrice does ' +
    'not deploy.',
  check(ctx) {
    ctx.ir.firewalls.forEach((fw) => {
      if (fw.state !== 'stateful') return;
      for (const members of ecmpSets(ctx.ir, fw)) {
        if (members.length < 2) continue;
        ctx.report([...fw.origin, 'at'], `firewall ${fw.name} keeps connection state on ${members.join(', ')}, among which ECMP picks per direction: a reply that crosses another one than its flow's first packet is dropped as invalid (TCP, ICMP) or judged as a new flow (UDP)`, {
          hint: 'a filter on an ECMP set must not depend on local state: make it stateless with reply rules, or route each flow symmetrically through one member',
        });
      }
    });
  },
};
