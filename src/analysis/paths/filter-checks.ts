// Evaluates firewalls (stateless, first match wins) and security groups (stateful, allow-only) against the header they see.
import type { FirewallIR, FirewallRuleIR } from '../../ir/firewall-ir.js';
import type { SecurityGroupIR, SecurityRuleIR } from '../../ir/overlay-ir.js';
import type { AddressIR, PortRange, Proto } from '../../ir/address-ir.js';
import type { EnforcementCheck, Header, RuleRef } from './path-types.js';
import { cidrsCover, rangeOfText } from './address-range.js';

/** How `explain` names each kind of header after its addresses. */
const TUNNEL_NAMES: Readonly<Record<Header['kind'], (h: Header) => string>> = {
  payload: () => '',
  'vpc-vxlan': (h) => ` (VPC VXLAN, VNI ${h.vni})`,
  'flannel-vxlan': (h) => ` (flannel VXLAN, VNI ${h.vni})`,
  'flannel-wireguard': () => ' (flannel WireGuard, encrypted)',
};

export function headerText(h: Header): string {
  const port = h.dport === undefined ? '' : ` ${h.proto.toUpperCase()} ${h.dport}`;
  const what = TUNNEL_NAMES[h.kind](h);
  return `${h.src} → ${h.dst}${h.proto === 'icmp' ? ' ICMP' : port}${what}`;
}

function protoMatches(rule: Proto, header: Header): boolean {
  return rule === 'any' || rule === header.proto;
}

function portsMatch(ports: readonly PortRange[], proto: Proto, header: Header): boolean {
  if (ports.length === 0 || proto === 'icmp' || header.proto === 'icmp') return true;
  const port = header.dport;
  return port !== undefined && ports.some((r) => port >= r.from && port <= r.to);
}

/**
 * A reference into a VPC matches only that VPC's traffic (and its peers'), as the emitted rules match only the VPC's
 * interfaces: an unpeered VPC may hold the same addresses. CIDRs and `any` match in every VPC and on the underlay.
 */
function inVpcs(address: AddressIR, h: Header): boolean {
  return address.vpcs === undefined || (h.vpc !== undefined && address.vpcs.includes(h.vpc));
}

function addressMatches(address: AddressIR, text: string, h: Header): boolean {
  return inVpcs(address, h) && cidrsCover(address.cidrs, rangeOfText(text));
}

export function firewallRuleMatches(rule: FirewallRuleIR, h: Header): boolean {
  return protoMatches(rule.proto, h) && portsMatch(rule.ports, rule.proto, h) && addressMatches(rule.from, h.src, h) && addressMatches(rule.to, h.dst, h);
}

/** For `explain`: the first rule before `before` that matches the header's addresses but names another VPC's objects. */
function otherVpcNote(rules: readonly FirewallRuleIR[], h: Header, before: number): string {
  const i = rules.findIndex((r, k) => k < before && !firewallRuleMatches(r, h) && firewallRuleMatches(r, { ...h, vpc: undefined, ...vpcOf(r) }));
  const r = rules[i];
  if (!r) return '';
  const named = [r.from, r.to].find((a) => a.vpcs !== undefined && !inVpcs(a, h));
  const where = h.vpc === undefined ? 'this hop carries no VPC traffic' : `this is VPC ${h.vpc}'s traffic`;
  return ` (rule ${i + 1} matches the addresses, but ${named?.ref ?? 'its reference'} means VPC ${named?.vpcs?.join('/') ?? '?'} there, and ${where})`;
}

/** A VPC the rule's references accept, to test a header's addresses without its VPC. */
function vpcOf(rule: FirewallRuleIR): { vpc?: string } {
  const scoped = [rule.from, rule.to].filter((a) => a.vpcs !== undefined).map((a) => a.vpcs as readonly string[]);
  const common = scoped.length === 0 ? undefined : scoped.reduce((a, b) => a.filter((v) => b.includes(v)))[0];
  return common === undefined ? {} : { vpc: common };
}

function ruleText(rule: FirewallRuleIR, index: number): string {
  const ports = rule.ports.length === 0 ? '' : ` ports ${rule.ports.map((p) => (p.from === p.to ? p.from : `${p.from}-${p.to}`)).join(',')}`;
  return `rule ${index + 1}: ${rule.action} ${rule.from.ref} → ${rule.to.ref} ${rule.proto}${ports}`;
}

/** Why a header that is not the flow's own cannot match: it names the tunnel or the masquerade. */
function whyNotSeen(seen: Header, inner: Header): string {
  if (seen.kind === 'vpc-vxlan') return `this hop sees VPC VXLAN between VTEPs ${seen.src} → ${seen.dst} (UDP ${seen.dport}), not ${inner.src} → ${inner.dst}`;
  if (seen.kind === 'flannel-wireguard') return `this hop sees flannel WireGuard between nodes ${seen.src} → ${seen.dst} (UDP ${seen.dport}, encrypted), not the pods' ${inner.src} → ${inner.dst}`;
  if (seen.kind === 'flannel-vxlan') return `this hop sees flannel VXLAN between nodes ${seen.src} → ${seen.dst} (UDP ${seen.dport}), not the pods' ${inner.src} → ${inner.dst}`;
  return `this hop sees ${seen.src} → ${seen.dst} (the source is masqueraded), not ${inner.src} → ${inner.dst}`;
}

/**
 * A firewall check. `flowHeaders` are the flow's own headers as the user thinks of them (innermost payload,
 * and the pre-masquerade header): a rule that would match one of them but not the header seen is bypassed.
 */
export function checkFirewall(fw: FirewallIR, seen: Header, flowHeaders: readonly Header[]): EnforcementCheck {
  const index = fw.rules.findIndex((r) => firewallRuleMatches(r, seen));
  const rule = index >= 0 ? fw.rules[index] : undefined;
  const bypassed: (RuleRef & { why: string })[] = [];
  fw.rules.forEach((r, i) => {
    if (r === rule || firewallRuleMatches(r, seen)) return;
    const inner = flowHeaders.find((h) => h !== seen && firewallRuleMatches(r, h));
    if (inner) bypassed.push({ description: `${fw.name} ${ruleText(r, i)}`, at: r.origin, why: whyNotSeen(seen, inner) });
  });
  const verdict = rule ? rule.action : fw.defaultAction;
  return {
    kind: 'firewall',
    name: fw.name,
    at: fw.origin,
    sees: seen,
    verdict,
    decidedBy: rule ? { description: `${fw.name} ${ruleText(rule, index)}`, at: rule.origin } : undefined,
    reason: (rule ? `first matching rule (${index + 1})` : `no rule matches; default ${fw.defaultAction}`) + otherVpcNote(fw.rules, seen, rule ? index : fw.rules.length),
    bypassed,
  };
}

function sgRuleMatches(rule: SecurityRuleIR, h: Header, direction: 'ingress' | 'egress'): boolean {
  return protoMatches(rule.proto, h) && portsMatch(rule.ports, rule.proto, h) && addressMatches(rule.peer, direction === 'ingress' ? h.src : h.dst, h);
}

/** A VM's security groups in one direction; no group attached means no filter at the port. */
export function checkSecurityGroups(
  vm: string,
  groups: readonly SecurityGroupIR[],
  direction: 'ingress' | 'egress',
  seen: Header,
  flowHeaders: readonly Header[],
): EnforcementCheck | undefined {
  if (groups.length === 0) return undefined;
  const names = groups.map((g) => g.name).join(', ');
  const kind = direction === 'ingress' ? 'security-group-ingress' : 'security-group-egress';
  if (direction === 'egress' && groups.some((g) => g.egress === undefined)) {
    const open = groups.find((g) => g.egress === undefined) as SecurityGroupIR;
    return { kind, name: `${vm}: ${names}`, at: open.origin, sees: seen, verdict: 'allow', reason: `${open.name} has no egress rules, so all egress is allowed`, bypassed: [] };
  }
  const rules = groups.flatMap((g) => (direction === 'ingress' ? g.ingress : (g.egress ?? [])).map((r, i) => ({ g, r, i })));
  const hit = rules.find(({ r }) => sgRuleMatches(r, seen, direction));
  const bypassed = rules
    .filter(({ r }) => !sgRuleMatches(r, seen, direction) && flowHeaders.some((h) => h !== seen && sgRuleMatches(r, h, direction)))
    .map(({ g, r, i }) => {
      const inner = flowHeaders.find((h) => h !== seen && sgRuleMatches(r, h, direction)) as Header;
      return { description: `${g.name} ${direction} rule ${i + 1} (${r.peer.ref} ${r.proto})`, at: r.origin, why: whyNotSeen(seen, inner) };
    });
  return {
    kind,
    name: `${vm}: ${names}`,
    at: hit?.r.origin ?? groups[0]?.origin,
    sees: seen,
    verdict: hit ? 'allow' : 'deny',
    decidedBy: hit ? { description: `${hit.g.name} ${direction} rule ${hit.i + 1} (${hit.r.peer.ref} ${hit.r.proto})`, at: hit.r.origin } : undefined,
    reason: hit ? 'allowed by a rule (stateful: replies pass)' : `no ${direction} rule of ${names} allows it (security groups deny by default)`,
    bypassed,
  };
}
