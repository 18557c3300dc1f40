// Port sets: canonical form, exact set algebra (checked against a brute-force model), and the oracle's printing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL_PORTS,
  MAX_PORT,
  NO_PORTS,
  type PortSet,
  complementPorts,
  formatPorts,
  intersectPorts,
  isAllPorts,
  portSetOf,
  portsContain,
  subtractPorts,
  unionPorts,
} from '../../src/policy/port-set.js';

// Small ports keep the brute-force model cheap; the top of the range exercises the MAX_PORT edge.
const port = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: MAX_PORT - 5, max: MAX_PORT }));
const portSet = fc
  .array(fc.tuple(port, port).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]), { maxLength: 5 })
  .map((intervals) => portSetOf(intervals));
const probes = [...Array.from({ length: 45 }, (_, i) => i), ...Array.from({ length: 7 }, (_, i) => MAX_PORT - 6 + i)];
const members = (set: PortSet): boolean[] => probes.map((p) => portsContain(set, p));

describe('port sets', () => {
  it('merges overlapping and adjacent intervals into one canonical form', () => {
    expect(portSetOf([[5, 9], [1, 3], [4, 4], [20, 22], [21, 30]])).toEqual([1, 9, 20, 30]);
  });

  it('union, intersection and difference agree with a membership model', () => {
    fc.assert(
      fc.property(portSet, portSet, (a, b) => {
        const ma = members(a);
        const mb = members(b);
        expect(members(unionPorts(a, b))).toEqual(ma.map((x, i) => x || mb[i]!));
        expect(members(intersectPorts(a, b))).toEqual(ma.map((x, i) => x && mb[i]!));
        expect(members(subtractPorts(a, b))).toEqual(ma.map((x, i) => x && !mb[i]! && probes[i]! >= 1));
        // Canonical: the same set is always the same array.
        expect(unionPorts(a, b)).toEqual(unionPorts(b, a));
      }),
    );
  });

  it('complements within 1-65535', () => {
    expect(complementPorts([80, 80])).toEqual([1, 79, 81, MAX_PORT]);
    expect(complementPorts(NO_PORTS)).toEqual(ALL_PORTS);
    expect(isAllPorts(unionPorts([1, 100], [101, MAX_PORT]))).toBe(true);
  });

  it('prints single ports bare and ranges with a dash', () => {
    expect(formatPorts([53, 53])).toBe('53');
    expect(formatPorts([1, 79, 81, 65535])).toBe('1-79,81-65535');
    expect(formatPorts([8080, 8080, 9090, 9090])).toBe('8080,9090');
  });
});
