// ipBlocks: cidr minus excepts, and the split of the address space the listing names external peers by.
import { describe, expect, it } from 'vitest';
import { formatIpv4Range, parseCidr } from '../../src/k8s/ipv4-cidr.js';
import type { Ipv4Range } from '../../src/k8s/k8s-objects.js';
import { coveredRanges, ipBlockRanges, partitionAddressSpace } from '../../src/policy/address-partition.js';

const cidr = (text: string): Ipv4Range => {
  const parsed = parseCidr(text);
  if (parsed?.family !== 'ipv4') throw new Error(text);
  return parsed.range;
};
const show = (ranges: readonly Ipv4Range[]): string[] => ranges.map(formatIpv4Range);

describe('ipBlock ranges and the address partition', () => {
  it('removes excepts from the cidr', () => {
    const block = ipBlockRanges(cidr('0.0.0.0/0'), [cidr('10.0.0.0/8'), cidr('172.21.0.0/16')]);
    expect(show(block)).toEqual(['0.0.0.0-9.255.255.255', '11.0.0.0-172.20.255.255', '172.22.0.0-255.255.255.255']);
  });

  it('cuts the space at every block boundary and nowhere else', () => {
    const block = ipBlockRanges(cidr('0.0.0.0/0'), [cidr('10.0.0.0/9'), cidr('10.128.0.0/9'), cidr('172.30.0.0/16')]);
    // The two adjacent excepts leave no cut between them, as in the oracle's ipblockstest_3.
    expect(show(partitionAddressSpace([block]))).toEqual([
      '0.0.0.0-9.255.255.255',
      '10.0.0.0-10.255.255.255',
      '11.0.0.0-172.29.255.255',
      '172.30.0.0-172.30.255.255',
      '172.31.0.0-255.255.255.255',
    ]);
  });

  it('is the whole space when no block is given', () => {
    expect(show(partitionAddressSpace([]))).toEqual(['0.0.0.0-255.255.255.255']);
  });

  it('splits overlapping blocks so each covers whole ranges', () => {
    const a = ipBlockRanges(cidr('10.0.0.0/8'), []);
    const b = ipBlockRanges(cidr('10.1.0.0/16'), []);
    const c = ipBlockRanges(cidr('192.168.1.7/32'), []);
    const partition = partitionAddressSpace([a, b, c]);
    expect(show(partition)).toEqual([
      '0.0.0.0-9.255.255.255',
      '10.0.0.0-10.0.255.255',
      '10.1.0.0-10.1.255.255',
      '10.2.0.0-10.255.255.255',
      '11.0.0.0-192.168.1.6',
      '192.168.1.7-192.168.1.7',
      '192.168.1.8-255.255.255.255',
    ]);
    expect(coveredRanges(partition, a)).toEqual([1, 2, 3]);
    expect(coveredRanges(partition, b)).toEqual([2]);
    expect(coveredRanges(partition, c)).toEqual([5]);
  });

  it('parses CIDRs strictly, masking host bits', () => {
    expect(formatIpv4Range(cidr('10.1.2.3/8'))).toBe('10.0.0.0-10.255.255.255');
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('10.0.0.256/8')).toBeUndefined();
    expect(parseCidr('010.0.0.0/8')).toBeUndefined();
    expect(parseCidr('10.0.0.0')).toBeUndefined();
    expect(parseCidr('fd00::/8')).toEqual({ family: 'ipv6' });
  });
});
