// The replies of a flow at the stateless ACLs its first packet crossed: each judges the reply on its own header.
import type { FirewallIR } from '../../ir/firewall-ir.js';
import type { EnforcementCheck, Header, Hop } from './path-types.js';
import { checkFirewall } from './filter-checks.js';

/**
 * The header of the reply where `seen` was the first packet's: addresses swapped. A tunnel header keeps its
 * destination port (VXLAN and WireGuard send to the well-known port both ways); the pods' or VMs' own packet
 * goes back to the client's ephemeral port, which no rule's `ports` names.
 */
export function replyHeader(seen: Header): Header {
  const { dport, ...rest } = seen;
  const swapped = { ...rest, src: seen.dst, dst: seen.src };
  return seen.kind === 'payload' || dport === undefined ? swapped : { ...swapped, dport };
}

/**
 * One reply hop per forward hop whose stateless ACLs have something to say about the reply, last hop first (the
 * way the reply travels). An ACL whose default allows and whose rules do not touch the reply is left out: it
 * passes every reply, and listing it would only lengthen each path. Stateful filters pass replies by their own
 * connection tracking, and the border's reply is judged where the border is crossed.
 */
export function statelessReplyHops(hops: readonly Hop[], firewalls: readonly FirewallIR[]): Hop[] {
  const byName = new Map(firewalls.map((fw) => [fw.name, fw]));
  return [...hops]
    .filter((h) => !h.reply)
    .reverse()
    .flatMap((h) => {
      const seen = h.headers[0];
      if (!seen) return [];
      const reply = replyHeader(seen);
      const checks = h.checks
        .flatMap((c) => {
          const fw = c.kind === 'firewall' ? byName.get(c.name) : undefined;
          return fw && fw.state === 'stateless' && fw.placement.kind !== 'border' ? [fw] : [];
        })
        .map((fw) => replyAt(fw, reply))
        .filter((c) => c.verdict === 'deny' || c.decidedBy !== undefined);
      if (checks.length === 0) return [];
      return [{ layer: h.layer, at: h.at, description: `the reply crosses ${h.at} again, where a stateless ACL judges it on its own header`, headers: [reply, ...h.headers.slice(1).map(replyHeader)], checks, reply: true }];
    });
}

function replyAt(fw: FirewallIR, reply: Header): EnforcementCheck {
  const own = checkFirewall(fw, reply, []);
  return { ...own, reason: `stateless, so the reply is a packet of its own: ${own.reason}` };
}
