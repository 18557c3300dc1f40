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
  /** The VPC each VM and each cluster (its nodes) is in. */
  readonly vmVpc: ReadonlyMap<string, string>;
  readonly clusterVpc: ReadonlyMap<string, string>;
  /** Per VPC: itself and its peers, sorted (where its references mean what they name). */
  readonly vpcReach: ReadonlyMap<string, readonly string[]>;
}

export function resolveAddress(ref: string, book: AddressBook): AddressIR {
  const vpc = owningVpc(ref, book);
  const vpcs = vpc === undefined ? undefined : book.vpcReach.get(vpc);
  return { ref, cidrs: normalise(lookup(ref, book)), ...(vpcs ? { vpcs } : {}) };
}

/** The VPC a reference points into, or undefined for CIDRs, `any`, underlay references and unknown names. */
function owningVpc(ref: string, book: AddressBook): string | undefined {
  const i = ref.indexOf(':');
  if (i < 0) return undefined;
  const target = ref.slice(i + 1);
  switch (ref.slice(0, i)) {
    case 'vpc':
      return book.vpcs.has(target) ? target : undefined;
    case 'subnet':
      return book.subnets.has(target) ? target.slice(0, target.indexOf('/')) : undefined;
    case 'vm':
      return book.vmVpc.get(target);
    case 'pods':
    case 'services':
      return book.clusterVpc.get(target);
    default:
      return undefined;
  }
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
