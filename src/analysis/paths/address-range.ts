// Address ranges for header matching: a header's address is one IPv4 address or (external sources) a range.
import { formatAddress, parseAddress, parsePrefix } from '../../ir/ipv4.js';
import type { Ipv4Range } from '../../k8s/k8s-objects.js';

/** The same inclusive range of unsigned 32-bit addresses the NetworkPolicy engine uses. */
export type AddressRange = Ipv4Range;

export function rangeOfCidr(cidr: string): AddressRange | undefined {
  const p = parsePrefix(cidr);
  return p ? { first: p.base, last: p.base + p.size - 1 } : undefined;
}

/** `10.1.1.2`, `10.1.0.0/16` or `10.0.0.0-10.255.255.255` → a range. */
export function rangeOfText(text: string): AddressRange {
  if (text.includes('/')) return rangeOfCidr(text) ?? { first: 0, last: -1 };
  if (text.includes('-')) {
    const [a, b] = text.split('-');
    return { first: parseAddress(a ?? '') ?? 0, last: parseAddress(b ?? '') ?? -1 };
  }
  const a = parseAddress(text) ?? 0;
  return { first: a, last: a };
}

export function formatRange(range: AddressRange): string {
  if (range.first === range.last) return formatAddress(range.first);
  return `${formatAddress(range.first)}-${formatAddress(range.last)}`;
}

/** Whether the union of `cidrs` covers every address of `range` (instances are split so that partial cover does not occur). */
export function cidrsCover(cidrs: readonly string[], range: AddressRange): boolean {
  let next = range.first;
  const sorted = cidrs.map(rangeOfCidr).filter((r): r is AddressRange => r !== undefined).sort((a, b) => a.first - b.first);
  for (const r of sorted) {
    if (r.first > next) break;
    if (r.last >= next) next = r.last + 1;
    if (next > range.last) return true;
  }
  return next > range.last;
}
