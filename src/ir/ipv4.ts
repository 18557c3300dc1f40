// IPv4 addresses and prefixes as integers: parsing is ip-address's, arithmetic is plain numbers.
import { Address4 } from 'ip-address';

export interface Prefix {
  /** Network address as an unsigned 32-bit integer. */
  readonly base: number;
  readonly length: number;
  /** Number of addresses (2^(32-length)). */
  readonly size: number;
}

/** Parses `a.b.c.d`; returns undefined when it is not a valid address. */
export function parseAddress(text: string): number | undefined {
  if (!Address4.isValid(text) || text.includes('/')) return undefined;
  return Number(new Address4(text).bigInt());
}

export function formatAddress(value: number): string {
  return `${(value >>> 24) & 255}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** Parses `a.b.c.d/len`. `hostBitsSet` tells whether the address was not the network address. */
export function parsePrefix(text: string): (Prefix & { readonly hostBitsSet: boolean }) | undefined {
  if (!text.includes('/') || !Address4.isValid(text)) return undefined;
  const address = new Address4(text);
  const length = address.subnetMask;
  const given = Number(address.bigInt());
  const base = Number(address.startAddress().bigInt());
  return { base, length, size: 2 ** (32 - length), hostBitsSet: given !== base };
}

export function formatPrefix(prefix: Pick<Prefix, 'base' | 'length'>): string {
  return `${formatAddress(prefix.base)}/${prefix.length}`;
}

export function prefixContains(outer: Prefix, address: number): boolean {
  return address >= outer.base && address < outer.base + outer.size;
}

export function prefixesOverlap(a: Prefix, b: Prefix): boolean {
  return a.base < b.base + b.size && b.base < a.base + a.size;
}

export function prefixCovers(outer: Prefix, inner: Prefix): boolean {
  return inner.base >= outer.base && inner.base + inner.size <= outer.base + outer.size;
}
