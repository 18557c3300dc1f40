// IPv4 addresses and CIDRs as unsigned 32-bit integers: parsing, printing and containment.
import type { Ipv4Range } from './k8s-objects.js';
import { formatAddress } from '../ir/ipv4.js';

export const IPV4_MAX = 0xffffffff;

const OCTET = /^(0|[1-9][0-9]{0,2})$/;

/** Parses dotted-quad IPv4 text; undefined for anything else (leading zeros are refused, as Go's parser does). */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!OCTET.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return formatAddress(value);
}

export type ParsedCidr =
  | { readonly family: 'ipv4'; readonly range: Ipv4Range; readonly prefix: number }
  | { readonly family: 'ipv6' };

/** Parses `a.b.c.d/n`; host bits are allowed and masked off (the API server accepts them too). */
export function parseCidr(text: string): ParsedCidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!/^(0|[1-9][0-9]?|1[0-9]{2})$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (address.includes(':')) return prefix <= 128 && isIpv6(address) ? { family: 'ipv6' } : undefined;
  const base = parseIpv4(address);
  if (base === undefined || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const first = base - (base % size);
  return { family: 'ipv4', range: { first, last: first + size - 1 }, prefix };
}

function isIpv6(text: string): boolean {
  // Enough to tell an IPv6 CIDR from garbage; its contents are never used.
  return /^[0-9A-Fa-f:.]+$/.test(text) && text.split('::').length <= 2;
}

export function rangeContains(outer: Ipv4Range, inner: Ipv4Range): boolean {
  return outer.first <= inner.first && inner.last <= outer.last;
}

export function formatIpv4Range(range: Ipv4Range): string {
  return `${formatIpv4(range.first)}-${formatIpv4(range.last)}`;
}
