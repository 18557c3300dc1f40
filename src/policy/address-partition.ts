// Splits the IPv4 space into disjoint ranges at every ipBlock boundary, and maps each block to the ranges it covers.
import { IPV4_MAX } from '../k8s/ipv4-cidr.js';
import type { Ipv4Range } from '../k8s/k8s-objects.js';

/** The addresses of an ipBlock: its cidr minus its excepts, as sorted disjoint contiguous ranges. */
export function ipBlockRanges(cidr: Ipv4Range, except: readonly Ipv4Range[]): Ipv4Range[] {
  const holes = [...except].sort((a, b) => a.first - b.first);
  const out: Ipv4Range[] = [];
  let next = cidr.first;
  for (const hole of holes) {
    if (hole.last < next) continue;
    if (hole.first > next) out.push({ first: next, last: Math.min(hole.first - 1, cidr.last) });
    next = Math.max(next, hole.last + 1);
    if (next > cidr.last) break;
  }
  if (next <= cidr.last) out.push({ first: next, last: cidr.last });
  return out;
}

/**
 * Disjoint ranges covering the whole space, cut at the first address of every block range and after its
 * last. Each block therefore covers whole ranges only. This is the partition the oracle lists external
 * peers by: adjacent excepts of one block leave no cut between them (10.0.0.0/9 + 10.128.0.0/9 stay one range).
 */
export function partitionAddressSpace(blocks: readonly (readonly Ipv4Range[])[]): Ipv4Range[] {
  const cuts = new Set<number>([0]);
  for (const block of blocks) {
    for (const range of block) {
      cuts.add(range.first);
      if (range.last < IPV4_MAX) cuts.add(range.last + 1);
    }
  }
  const starts = [...cuts].sort((a, b) => a - b);
  return starts.map((first, i) => ({ first, last: i + 1 < starts.length ? starts[i + 1]! - 1 : IPV4_MAX }));
}

/** Indexes of the partition ranges inside `block` (the partition must be cut at the block's boundaries). */
export function coveredRanges(partition: readonly Ipv4Range[], block: readonly Ipv4Range[]): number[] {
  const out: number[] = [];
  for (const range of block) {
    let index = firstAtOrAfter(partition, range.first);
    while (index < partition.length && partition[index]!.last <= range.last) out.push(index++);
  }
  return out;
}

function firstAtOrAfter(partition: readonly Ipv4Range[], address: number): number {
  let lo = 0;
  let hi = partition.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (partition[mid]!.first < address) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
