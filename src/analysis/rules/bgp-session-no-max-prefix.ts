// Rule: the fabric's eBGP sessions as emitted have no maximum-prefix limit in either address family.
import type { AnalysisRule } from '../analysis-rule.js';

export const bgpSessionNoMaxPrefix: AnalysisRule = {
  code: 'bgp-session-no-max-prefix',
  severity: 'warning',
  summary: 'The fabric\'s eBGP sessions have no maximum-prefix limit.',
  docs:
    'The emitted FRR configs (templates/frr/_router-bgp.hbs) set no `maximum-prefix` on the fabric peer group. In ' +
    '`ipv4 unicast` the loopback-only route-map bounds what is accepted to the loopback pool, but `l2vpn evpn` is ' +
    'accepted unfiltered, and every spine relays every EVPN route it receives: one faulty or compromised switch, or a ' +
    'device plugged into a fabric port, can announce routes without bound and exhaust the memory of every switch, ' +
    'taking down the underlay that all three layers depend on. Reported once per fabric with ' +
    'the number of sessions. Fix: the format has no field for it yet; add `neighbor fabric maximum-prefix <n>` in both ' +
    'address families when deploying, sized from the number of VNIs, hosts and loopbacks the spec declares.',
  check(ctx) {
    const fabric = ctx.ir.fabric;
    // One eBGP session per fabric link (numbered or unnumbered), configured at both ends.
    if (!fabric || fabric.links.length === 0) return;
    ctx.report(['fabric'], `the fabric's ${fabric.links.length} eBGP sessions are emitted without maximum-prefix: an unfiltered flood of EVPN routes from one switch reaches every switch`, {
      hint: 'add `neighbor fabric maximum-prefix` in ipv4 unicast and l2vpn evpn when deploying',
    });
  },
};
