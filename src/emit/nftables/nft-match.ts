// Translates one rule's match (addresses, protocol, destination ports) into an nft expression; pure and unit-tested.
import type { AddressIR, PortRange, Proto } from '../../ir/address-ir.js';
import { nftSet } from './nft-text.js';

/** What a rule matches: nft expression text (empty: everything), or why it can never match anything. */
export type NftMatch = { readonly text: string } | { readonly never: string };

/** What a rule's match is made of: the same shape for firewall rules and security-group rules. */
export interface RuleMatchInput {
  readonly from: AddressIR;
  readonly to: AddressIR;
  readonly proto: Proto;
  /** Destination ports; empty means every port. */
  readonly ports: readonly PortRange[];
}

const ANY_IPV4 = '0.0.0.0/0';

/** Which transport port a rule's ports match: the destination, or (for a reflexive reply rule) the source. */
export type PortField = 'dport' | 'sport';

/** Sorted, with overlapping and adjacent ranges merged: `80, 81-90, 85` → `80-90`. */
export function mergePortRanges(ports: readonly PortRange[]): PortRange[] {
  const merged: PortRange[] = [];
  for (const range of [...ports].sort((a, b) => a.from - b.from || a.to - b.to)) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to + 1) merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, range.to) };
    else merged.push({ from: range.from, to: range.to });
  }
  return merged;
}

/** `443`, `6000-6100`, or an anonymous set of them. */
export function renderPortSet(ports: readonly PortRange[]): string {
  return nftSet(mergePortRanges(ports).map((r) => (r.from === r.to ? String(r.from) : `${r.from}-${r.to}`)));
}

/** `ip saddr { … }` / `ip daddr …`; empty text for any IPv4 address; never for a reference that covers nothing. */
export function renderAddressMatch(field: 'saddr' | 'daddr', address: AddressIR): NftMatch {
  if (address.cidrs.length === 0) return { never: `${address.ref} covers no address` };
  if (address.cidrs.includes(ANY_IPV4)) return { text: '' };
  return { text: `ip ${field} ${nftSet([...new Set(address.cidrs)])}` };
}

/**
 * The protocol and destination ports. `ip protocol` keeps the match IPv4 (thrice addresses are IPv4;
 * a bare `tcp dport` would also match IPv6). Ports belong to TCP and UDP only: `any` with ports means
 * TCP or UDP to those ports (`th dport`, the transport header), and ICMP with ports can never match.
 */
export function renderProtoMatch(proto: Proto, ports: readonly PortRange[], portField: PortField = 'dport'): NftMatch {
  const portSet = ports.length > 0 ? renderPortSet(ports) : undefined;
  switch (proto) {
    case 'tcp':
    case 'udp':
      return { text: portSet ? `ip protocol ${proto} ${proto} ${portField} ${portSet}` : `ip protocol ${proto}` };
    case 'icmp':
      return portSet ? { never: `icmp has no ports` } : { text: 'ip protocol icmp' };
    case 'any':
      return { text: portSet ? `ip protocol { tcp, udp } th ${portField} ${portSet}` : '' };
  }
}

/**
 * The whole match, terms in a fixed order (source, destination, protocol and ports). A rule that
 * matches every IPv4 packet still says `ip version 4`, so that it does not also match IPv6.
 */
export function renderRuleMatch(rule: RuleMatchInput, portField: PortField = 'dport'): NftMatch {
  const terms = [renderAddressMatch('saddr', rule.from), renderAddressMatch('daddr', rule.to), renderProtoMatch(rule.proto, rule.ports, portField)];
  const never = terms.find((t): t is { never: string } => 'never' in t);
  if (never) return never;
  const text = terms
    .map((t) => ('text' in t ? t.text : ''))
    .filter((t) => t !== '')
    .join(' ');
  return { text: text === '' ? 'ip version 4' : text };
}

/** How a rule reads in a comment: `tcp 5432,6000-6100`, `icmp`, `any`. */
export function describeProtoPorts(proto: Proto, ports: readonly PortRange[]): string {
  if (ports.length === 0) return proto;
  return `${proto} ${mergePortRanges(ports)
    .map((r) => (r.from === r.to ? String(r.from) : `${r.from}-${r.to}`))
    .join(',')}`;
}
