// North-south flows cross a border leaf each way, chosen independently: the (forward, reply) pairs, and what each border firewall decides for the flow's first packet and for its reply there.
import type { FirewallIR } from '../../ir/firewall-ir.js';
import type { EnforcementCheck, FlowProto, Header } from './path-types.js';
import { checkFirewall } from './filter-checks.js';
import { replyHeader } from './stateless-replies.js';

/**
 * One way a north-south flow crosses the border: its first packet through `forward`, the reply through `reply`
 * (the fabric's ECMP default route and the outside pick independently). `sourcePort`: a UDP source port that lets a
 * datagram pass a reflexive border as a reply; absent, the flow comes from an ordinary (ephemeral) port.
 */
export interface BorderChoice {
  readonly forward: string;
  readonly reply: string;
  readonly sourcePort?: number;
}

/**
 * Every pair of border leaves, once from an ordinary port and, when a reflexive border would pass the flow's
 * first datagram only from some source port (it then looks like the reply to an allowed flow), once from the
 * lowest such port: a deny intent must fail there, an allow intent must not hold only from it.
 */
export function borderChoices(borders: readonly string[], firewalls: readonly FirewallIR[], seen: Header | undefined): BorderChoice[] {
  const ports: (number | undefined)[] = [undefined];
  const special = seen?.proto === 'udp' ? replyOnlyPort(firewalls, seen) : undefined;
  if (special !== undefined) ports.push(special);
  return ports.flatMap((sourcePort) => borders.flatMap((forward) => borders.map((reply) => ({ forward, reply, ...(sourcePort === undefined ? {} : { sourcePort }) }))));
}

/** The lowest source port from which every border firewall passes the datagram, when some reflexive one passes it only as a reply. */
function replyOnlyPort(firewalls: readonly FirewallIR[], seen: Header): number | undefined {
  const reflexive = firewalls.filter((fw) => fw.state === 'reflexive');
  if (reflexive.length === 0 || firewalls.every((fw) => firstPacketCheck(fw, seen, [], undefined).verdict === 'allow')) return undefined;
  const candidates = new Set<number>([1]);
  for (const fw of reflexive) for (const r of fw.rules) for (const p of r.ports) [p.from, p.to + 1].filter((n) => n <= 65535).forEach((n) => candidates.add(n));
  return [...candidates].sort((a, b) => a - b).find((port) => firewalls.every((fw) => firstPacketCheck(fw, seen, [], port).verdict === 'allow'));
}

/** A reflexive filter's rules read for the packet a reply would answer: addresses swapped, P's source port as destination. */
function answered(seen: Header, sourcePort: number | undefined): Header {
  const reply = replyHeader({ ...seen, kind: 'payload' });
  return sourcePort === undefined ? reply : { ...reply, dport: sourcePort };
}

/**
 * The flow's first packet (a TCP SYN, an ICMP echo request, a UDP datagram) at a border firewall. Only a reflexive
 * filter differs from its rules: what they deny may still pass as a reply, which a SYN or an echo request never is.
 */
export function firstPacketCheck(fw: FirewallIR, seen: Header, flowHeaders: readonly Header[], sourcePort: number | undefined): EnforcementCheck {
  const check = checkFirewall(fw, seen, flowHeaders);
  if (fw.state !== 'reflexive' || check.verdict === 'allow' || seen.proto !== 'udp') return check;
  const asReply = checkFirewall(fw, answered(seen, sourcePort), []);
  if (asReply.verdict !== 'allow') return check;
  const from = sourcePort === undefined ? 'from any source port' : `from source port ${sourcePort}`;
  return {
    ...check,
    verdict: 'allow',
    decidedBy: asReply.decidedBy,
    reason: `a reflexive reply rule: a datagram ${from} looks like the reply to what ${asReply.decidedBy ? 'that rule' : 'its default'} allows, and a filter without state cannot tell (its rules alone: ${check.reason})`,
  };
}

const NO_STATE_THERE: Readonly<Record<FlowProto, string>> = {
  tcp: 'conntrack there never saw the SYN, marks the SYN-ACK invalid, and `ct state invalid drop` drops it',
  icmp: 'conntrack there never saw the echo request, marks the echo reply invalid, and `ct state invalid drop` drops it',
  udp: '',
};

/**
 * The reply at border leaf `via` (the first packet crossed `forward`). `seen` is the first packet's header there;
 * the reply carries it reversed, to the client's port (`sourcePort`, or an ordinary port no rule names).
 */
export function replyCheck(fw: FirewallIR, seen: Header, choice: BorderChoice): EnforcementCheck {
  const reply: Header = answered(seen, choice.sourcePort);
  const judged = (reason: (own: EnforcementCheck) => string): EnforcementCheck => {
    const own = checkFirewall(fw, reply, []);
    return { ...own, reason: reason(own) };
  };
  switch (fw.state) {
    case 'stateless':
      return judged((own) => `the reply judged on its own header: ${own.reason}`);
    case 'stateful': {
      if (choice.reply === choice.forward) return { kind: 'firewall', name: fw.name, at: fw.origin, sees: reply, verdict: 'allow', reason: 'the reply of a connection it admitted (connection tracking)', bypassed: [] };
      if (seen.proto !== 'udp') {
        return { kind: 'firewall', name: fw.name, at: fw.origin, sees: reply, verdict: 'deny', reason: `the first packet crossed ${choice.forward}: ${NO_STATE_THERE[seen.proto]}`, bypassed: [] };
      }
      return judged((own) => `the first datagram crossed ${choice.forward}, so here the reply starts a new connection: ${own.reason}`);
    }
    case 'reflexive': {
      const forward = checkFirewall(fw, seen, []);
      if (forward.verdict === 'allow') {
        return { ...forward, sees: reply, bypassed: [], reason: `a reflexive reply rule: it answers what ${forward.decidedBy ? 'that rule' : 'the default'} allows, wherever the first packet crossed (no state)` };
      }
      return judged((own) => `the reply judged as a packet of its own (the flow it answers passed only as a reply): ${own.reason}`);
    }
  }
}
