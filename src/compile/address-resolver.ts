// Resolves address references in rules and intents (`vm:pg-1`, `subnet:blue/db`, `pods:prod`, CIDRs, `any`) to prefixes.
import type { AddressIR } from '../ir/address-ir.js';
import { formatPrefix, parsePrefix } from '../ir/ipv4.js';

/** What each reference kind resolves to, collected from the spec and the allocations. */
export interface AddressBook {
  readonly loopbacks?: string;
  readonly vpcs: ReadonlyMap<string, string>;
  /** Keyed `vpc/subnet`. */
  readonly subnets: ReadonlyMap<string, string>;
  /** VM → allocated address. */
  readonly vms: ReadonlyMap<string, string>;
  /** Host → underlay address. */
  readonly hosts: ReadonlyMap<string, string>;
  readonly podCidrs: ReadonlyMap<string, string>;
  readonly serviceCidrs: ReadonlyMap<string, string>;
}

export function resolveAddress(ref: string, book: AddressBook): AddressIR {
  return { ref, cidrs: normalise(lookup(ref, book)) };
}

function lookup(ref: string, book: AddressBook): string[] {
  if (ref === 'any') return ['0.0.0.0/0'];
  if (ref === 'loopbacks') return book.loopbacks ? [book.loopbacks] : [];
  const i = ref.indexOf(':');
  if (i < 0) return [ref];
  const target = ref.slice(i + 1);
  const found = (value: string | undefined, suffix = ''): string[] => (value === undefined ? [] : [value + suffix]);
  switch (ref.slice(0, i)) {
    case 'vpc':
      return found(book.vpcs.get(target));
    case 'subnet':
      return found(book.subnets.get(target));
    case 'vm':
      return found(book.vms.get(target), '/32');
    case 'host':
      return found(book.hosts.get(target), '/32');
    case 'pods':
      return found(book.podCidrs.get(target));
    case 'services':
      return found(book.serviceCidrs.get(target));
    default:
      return [];
  }
}

/** Canonical network addresses, sorted, with covered prefixes dropped. */
function normalise(cidrs: readonly string[]): string[] {
  const parsed = cidrs.flatMap((c) => {
    const p = parsePrefix(c);
    return p ? [p] : [];
  });
  parsed.sort((a, b) => a.base - b.base || a.length - b.length);
  const out: typeof parsed = [];
  for (const p of parsed) {
    const last = out[out.length - 1];
    if (last && p.base >= last.base && p.base + p.size <= last.base + last.size) continue;
    out.push(p);
  }
  return out.map(formatPrefix);
}
