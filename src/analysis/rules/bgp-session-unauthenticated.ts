// Rule: the fabric's eBGP sessions as emitted carry no TCP-MD5 password (`fabric.bgp.password` unset), so anything on a fabric port may peer.
import type { AnalysisRule } from '../analysis-rule.js';

export const bgpSessionUnauthenticated: AnalysisRule = {
  code: 'bgp-session-unauthenticated',
  severity: 'warning',
  summary: 'The fabric\'s eBGP sessions have no authentication (`fabric.bgp.password` is not set).',
  docs:
    'Without `fabric.bgp.password`, thrice emits every underlay session into one peer group with `remote-as external` ' +
    'and no `password` (see templates/frr/_router-bgp.hbs): any device that is plugged into a fabric port, or any host ' +
    'that takes over one, can bring up a session with whatever private ASN it likes. The loopback-only route-map keeps ' +
    'it from injecting IPv4 routes, but the same session carries `l2vpn evpn` without any filter, so it can announce ' +
    'type-2 and type-5 routes with a tenant\'s route target and pull that tenant\'s traffic to itself, below every ' +
    'security group and pod policy. Reported once per fabric with the number of sessions, at `fabric`. Fix: set ' +
    '`fabric.bgp.password: {env: NAME}` (or `{file: path}` inside the project); `thrice compile` reads it and writes ' +
    '`neighbor fabric password` (TCP-MD5) into every frr.conf. `fabric.bgp.ttlSecurity` is no substitute: a device on ' +
    'a fabric port is one hop away.',
  check(ctx) {
    const fabric = ctx.ir.fabric;
    // One eBGP session per fabric link (numbered or unnumbered), configured at both ends.
    if (!fabric || fabric.links.length === 0 || fabric.bgp?.password) return;
    ctx.report(['fabric'], `the fabric's ${fabric.links.length} eBGP sessions are emitted without a password (TCP-MD5 or TCP-AO): any device on a fabric port can peer and announce EVPN routes`, {
      hint: 'set `fabric.bgp.password: {env: NAME}` or `{file: path}`; compile then writes `neighbor fabric password` into every frr.conf',
    });
  },
};
