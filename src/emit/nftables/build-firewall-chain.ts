// Translates one firewall into its nft chains: optional state rules, its rules in order (first match wins), its default, and for reflexive filters the chain that passes replies.
import type { FirewallIR, FirewallRuleIR } from '../../ir/firewall-ir.js';
import { describeProtoPorts, renderRuleMatch } from './nft-match.js';
import { nftComment, nftString } from './nft-text.js';
import type { NftChainView, NftLineView } from './ruleset-view.js';
import { stateWords } from './placement-table.js';
import { firewallChainName } from './attach-firewall.js';
import { statefulLines, VERDICT } from './verdicts.js';
import { scopedRuleLines, type VpcScope } from './vpc-context.js';

/** `spines`, `leaf:leaf1`: the placement as written in the spec. */
export function placementText(firewall: FirewallIR): string {
  const { kind, target } = firewall.placement;
  return target === undefined ? kind : `${kind}:${target}`;
}

/** `fw_<name>_replies`: `_` never occurs in a name, so it cannot clash with another firewall's chain. */
export function replyChainName(firewall: string): string {
  return `${firewallChainName(firewall)}_replies`;
}

function ruleWhat(rule: FirewallRuleIR, n: number): string {
  return `rule ${n}: ${rule.action} ${rule.from.ref} -> ${rule.to.ref} ${describeProtoPorts(rule.proto, rule.ports)}`;
}

/**
 * A stateless or stateful firewall is one chain. A reflexive one (several border leaves) is two: its rules, where
 * a deny (a rule's or the default) does not drop but `goto`s the reply chain, which passes the packet only if it
 * looks like a reply of a flow the rules allow; `goto`, so that its `return` goes back to the base chain.
 */
export function buildFirewallChains(firewall: FirewallIR, scope: VpcScope): NftChainView[] {
  const reflexive = firewall.state === 'reflexive';
  const replies = replyChainName(firewall.name);
  const verdict = (action: 'allow' | 'deny'): string => (reflexive && action === 'deny' ? `goto ${replies}` : VERDICT[action]);
  // A rule naming objects inside VPCs matches only their traffic here (vpc-context.ts): one copy per interface term.
  const rules: NftLineView[] = firewall.rules.flatMap((rule, i) =>
    scopedRuleLines(ruleWhat(rule, i + 1), renderRuleMatch(rule), scope(rule.from, rule.to), (text) => `${text} counter ${verdict(rule.action)} comment ${nftString(`${firewall.name} rule ${i + 1}`)}`),
  );
  const main: NftChainView = {
    name: firewallChainName(firewall.name),
    comment: nftComment(`Firewall ${firewall.name} (at: ${placementText(firewall)}), ${stateWords(firewall.state)}, first match wins.`),
    hook: null,
    lines: [
      ...(firewall.state === 'stateful' ? statefulLines(firewall.name) : []),
      ...rules,
      { note: nftComment(`default: ${firewall.defaultAction}`), rule: `counter ${verdict(firewall.defaultAction)} comment ${nftString(`${firewall.name} default`)}` },
    ],
  };
  return reflexive ? [main, replyChain(firewall, scope)] : [main];
}

/**
 * A packet P passes as a reply when the rules, read first match wins, allow the flow P answers: each rule with its
 * addresses swapped and its ports matched as P's source port. TCP packets that open a connection (SYN without ACK)
 * and ICMP echo requests are never replies. No connection state is read, so it works whichever border leaf saw the
 * flow's first packet; the price is that a datagram from an allowed flow's server port passes like a reply.
 */
function replyChain(firewall: FirewallIR, scope: VpcScope): NftChainView {
  const name = firewall.name;
  const rules: NftLineView[] = firewall.rules.flatMap((rule, i) =>
    scopedRuleLines(
      `reply to ${ruleWhat(rule, i + 1)}`,
      renderRuleMatch({ from: rule.to, to: rule.from, proto: rule.proto, ports: rule.ports }, 'sport'),
      scope(rule.to, rule.from),
      (text) => `${text} counter ${VERDICT[rule.action]} comment ${nftString(`${name} rule ${i + 1} reply`)}`,
    ),
  );
  return {
    name: replyChainName(name),
    comment: nftComment(`Replies for firewall ${name}: reached (by goto) with what its rules deny; passes what answers a flow they allow.`),
    hook: null,
    lines: [
      { note: 'not replies: a TCP connection request, an ICMP echo request', rule: `tcp flags & (syn | ack) == syn counter ${VERDICT.deny} comment ${nftString(`${name}: opens a connection`)}` },
      { note: null, rule: `icmp type echo-request counter ${VERDICT.deny} comment ${nftString(`${name}: echo request`)}` },
      ...rules,
      { note: nftComment(`reply to the default: ${firewall.defaultAction}`), rule: `counter ${VERDICT[firewall.defaultAction]} comment ${nftString(`${name} default reply`)}` },
    ],
  };
}
