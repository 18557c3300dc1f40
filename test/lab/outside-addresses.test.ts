// Source addresses for external endpoints: inside the range, usable as a source, clear of the lab's own addresses.
import { describe, expect, it } from 'vitest';
import { labAddresses, pickOutsideAddress } from '../../src/lab/outside-addresses.js';
import { parseAddress } from '../../src/ir/ipv4.js';
import { compileExample } from './lab-fixtures.js';

const range = (first: string, last: string) => ({ first: parseAddress(first) as number, last: parseAddress(last) as number });

describe('outside addresses', () => {
  it('prefers documentation addresses when the range holds one', () => {
    expect(pickOutsideAddress(range('0.0.0.0', '255.255.255.255'), new Set())).toBe('203.0.113.10');
    expect(pickOutsideAddress(range('198.51.100.0', '198.51.100.255'), new Set())).toBe('198.51.100.10');
  });

  it('skips unusable and taken addresses', () => {
    expect(pickOutsideAddress(range('10.1.1.0', '10.1.1.7'), new Set([parseAddress('10.1.1.1') as number]))).toBe('10.1.1.2');
    expect(pickOutsideAddress(range('0.0.0.0', '10.0.255.255'), new Set())).toMatch(/^5\./);
    expect(pickOutsideAddress(range('127.0.0.0', '127.255.255.255'), new Set())).toBeUndefined();
    expect(pickOutsideAddress(range('10.0.0.0', '10.0.0.0'), new Set())).toBeUndefined();
  });

  it('counts every address the lab uses as taken', () => {
    const { ir } = compileExample();
    const taken = labAddresses(ir, ['10.244.0.2']);
    for (const a of ['10.255.0.1', '10.1.1.1', '10.1.2.10', '10.244.0.1', '10.244.0.0', '10.244.0.2']) expect(taken.has(parseAddress(a) as number), a).toBe(true);
  });
});
