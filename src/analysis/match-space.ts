// What a firewall or security-group rule matches, as exact sets (address intervals, protocols, port ranges) with containment.
import type { AddressIR, PortRange, Proto } from '../ir/address-ir.js';
import { parsePrefix } from '../ir/ipv4.js';
import { ruleVpcs } from '../ir/vpc-traffic.js';

/** Inclusive intervals of IPv4 addresses or of ports, sorted and merged (empty: nothing). */
export type Intervals = readonly { readonly first: number; readonly last: number }[];

export interface RuleMatch {
  readonly from: Intervals;
  readonly to: Intervals;
  readonly tcp: Intervals;
  readonly udp: Intervals;
  readonly icmp: boolean;
  /** Every IP protocol other than TCP, UDP and ICMP (only `proto: any` without ports matches them). */
  readonly other: boolean;
  /** The VPCs whose traffic it matches (its VPC-scoped references' common VPCs); undefined: every VPC and the underlay. */
  readonly vpcs?: readonly string[];
}

const ALL_PORTS: Intervals = [{ first: 0, last: 65535 }];
export const ANY_ADDRESS: AddressIR = { ref: 'any', cidrs: ['0.0.0.0/0'] };

/** The rule's match, read as the nftables emitter renders it: ports belong to TCP and UDP; `any` with ports is TCP or UDP to them. */
export function ruleMatch(from: AddressIR, to: AddressIR, proto: Proto, ports: readonly PortRange[], seenVpcs?: readonly string[]): RuleMatch {
  const vpcs = vpcsWhere(ruleVpcs(from, to), seenVpcs);
  const portSet: Intervals = ports.length === 0 ? ALL_PORTS : merge(ports.map((p) => ({ first: p.from, last: p.to })));
  const hasPorts = ports.length > 0;
  return {
    from: addressIntervals(from),
    to: addressIntervals(to),
    tcp: proto === 'tcp' || proto === 'any' ? portSet : [],
    udp: proto === 'udp' || proto === 'any' ? portSet : [],
    icmp: (proto === 'icmp' || proto === 'any') && !hasPorts,
    other: proto === 'any' && !hasPorts,
    ...(vpcs === undefined ? {} : { vpcs }),
  };
}

/**
 * A rule's VPCs where the filter sees only `seen` VPCs' traffic (a border, leaf, hypervisor or VM, or a security
 * group's port): limited to those, and no limit at all when it covers every one of them, as the emitted rule then has
 * no interface term either.
 */
function vpcsWhere(vpcs: readonly string[] | undefined, seen: readonly string[] | undefined): readonly string[] | undefined {
  if (vpcs === undefined || seen === undefined) return vpcs;
  const here = vpcs.filter((v) => seen.includes(v));
  return seen.length > 0 && here.length === seen.length ? undefined : here;
}


/** Why a rule can never match a packet, or undefined when it can. */
export function neverMatches(from: AddressIR, to: AddressIR, proto: Proto, ports: readonly PortRange[]): string | undefined {
  if (from.cidrs.length === 0) return `its source ${from.ref} resolves to no address`;
  if (to.cidrs.length === 0) return `its destination ${to.ref} resolves to no address`;
  if (proto === 'icmp' && ports.length > 0) return 'ICMP has no ports, so an ICMP rule with ports matches nothing';
  if (ruleVpcs(from, to)?.length === 0) return `${from.ref} and ${to.ref} are in VPCs that are not peered, so no packet is in both`;
  return undefined;
}

/** Whether every packet `inner` matches is also matched by `outer`. */
export function covers(outer: RuleMatch, inner: RuleMatch): boolean {
  return (
    contains(outer.from, inner.from) &&
    contains(outer.to, inner.to) &&
    contains(outer.tcp, inner.tcp) &&
    contains(outer.udp, inner.udp) &&
    (!inner.icmp || outer.icmp) &&
    (!inner.other || outer.other) &&
    (outer.vpcs === undefined || (inner.vpcs !== undefined && inner.vpcs.every((v) => outer.vpcs?.includes(v))))
  );
}

export function addressIntervals(address: AddressIR): Intervals {
  return merge(
    address.cidrs.flatMap((c) => {
      const p = parsePrefix(c);
      return p ? [{ first: p.base, last: p.base + p.size - 1 }] : [];
    }),
  );
}

/** Both merged: each inner interval must sit inside one outer interval; one pass over both lists. */
export function contains(outer: Intervals, inner: Intervals): boolean {
  let i = 0;
  for (const b of inner) {
    while (i < outer.length && outer[i]!.last < b.first) i++;
    const a = outer[i];
    if (!a || a.first > b.first || a.last < b.last) return false;
  }
  return true;
}

function merge(list: Intervals): Intervals {
  const sorted = [...list].sort((x, y) => x.first - y.first);
  const out: { first: number; last: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.first <= last.last + 1) last.last = Math.max(last.last, r.last);
    else out.push({ ...r });
  }
  return out;
}
