// The external peers of one direction: address ranges cut at that direction's ipBlocks, grouped by the blocks holding them.
import type { Ipv4Range } from '../k8s/k8s-objects.js';
import { coveredRanges, partitionAddressSpace } from './address-partition.js';

export interface AddressSide {
  /** Disjoint, sorted, covering 0.0.0.0-255.255.255.255; one external peer each. */
  readonly ranges: readonly Ipv4Range[];
  /** Ranges held by the same blocks behave alike; rules are evaluated once per such group. */
  readonly groupOfRange: Int32Array;
  readonly groupCount: number;
  /** Per block id (of this direction), the groups it covers. */
  readonly groupsOfBlock: ReadonlyMap<number, Int32Array>;
}

export function buildAddressSide(blockIds: readonly number[], ipBlocks: readonly (readonly Ipv4Range[])[]): AddressSide {
  const ranges = partitionAddressSpace(blockIds.map((id) => ipBlocks[id]!));
  const holders: number[][] = ranges.map(() => []);
  const covered = new Map<number, number[]>();
  for (const id of blockIds) {
    const indexes = coveredRanges(ranges, ipBlocks[id]!);
    covered.set(id, indexes);
    for (const r of indexes) holders[r]!.push(id);
  }
  const groupOfRange = new Int32Array(ranges.length);
  const byKey = new Map<string, number>();
  holders.forEach((list, r) => {
    const key = list.sort((a, b) => a - b).join(',');
    let group = byKey.get(key);
    if (group === undefined) byKey.set(key, (group = byKey.size));
    groupOfRange[r] = group;
  });
  const groupsOfBlock = new Map<number, Int32Array>();
  for (const [id, indexes] of covered) {
    groupsOfBlock.set(id, Int32Array.from(new Set(indexes.map((r) => groupOfRange[r]!))));
  }
  return { ranges, groupOfRange, groupCount: byKey.size, groupsOfBlock };
}
