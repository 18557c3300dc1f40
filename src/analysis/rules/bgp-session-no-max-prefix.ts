// Rule: the fabric's eBGP sessions as emitted have no maximum-prefix limit in an address family (FRR 8.4 can bound ipv4 unicast only).
import type { AnalysisRule } from '../analysis-rule.js';

export const bgpSessionNoMaxPrefix: AnalysisRule = {
  code: 'bgp-session-no-max-prefix',
  severity: 'warning',
  summary: 'The fabric\'s eBGP sessions have no maximum-prefix limit in an address family.',
  docs:
    'Without `fabric.bgp.maximumPrefix.ipv4` the emitted FRR configs (templates/frr/_router-bgp.hbs) set no ' +
    '`maximum-prefix` on the fabric peer group. In `ipv4 unicast` the loopback-only route-map bounds what is accepted to ' +
    'the loopback pool, but `l2vpn evpn` is accepted unfiltered, and every spine relays every EVPN route it receives: one ' +
    'faulty or compromised switch, or a device plugged into a fabric port, can announce routes without bound and exhaust ' +
    'the memory of every switch, taking down the underlay that all three layers depend on. Reported once per fabric with ' +
    'the number of sessions: a warning at `fabric` when no limit is set; an info at `fabric.bgp.maximumPrefix` when ipv4 ' +
    'unicast is bounded, because `l2vpn evpn` still is not: FRR 8.4, the emitted target, has no `maximum-prefix` in that address ' +
    'family (FRR 10.1 added it), so thrice cannot emit one. Fix: set `fabric.bgp.maximumPrefix.ipv4` (at least the ' +
    'number of loopbacks); for EVPN, `fabric.bgp.password` keeps foreign devices from peering, and a faulty switch remains ' +
    'the accepted risk until the target moves to FRR 10.1.',
  check(ctx) {
    const fabric = ctx.ir.fabric;
    // One eBGP session per fabric link (numbered or unnumbered), configured at both ends.
    if (!fabric || fabric.links.length === 0) return;
    const sessions = `the fabric's ${fabric.links.length} eBGP sessions`;
    if (fabric.bgp?.maximumPrefixIpv4 === undefined) {
      ctx.report(['fabric'], `${sessions} are emitted without maximum-prefix: an unfiltered flood of EVPN routes from one switch reaches every switch`, {
        hint: 'set `fabric.bgp.maximumPrefix.ipv4`; l2vpn evpn cannot be bounded in FRR 8.4',
      });
      return;
    }
    ctx.report(['fabric', 'bgp', 'maximumPrefix'], `${sessions} have maximum-prefix in ipv4 unicast only: FRR 8.4 has none for l2vpn evpn, so a flood of EVPN routes from one switch still reaches every switch`, {
      hint: 'l2vpn evpn can be bounded once the emitted target is FRR 10.1 or later',
      // Nothing in the spec can fix it: an info keeps the remaining gap visible without a warning no one can clear.
      severity: 'info',
    });
  },
};
