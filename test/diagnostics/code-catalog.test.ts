// The code catalog helpers: frozen lists and lookups with a default for unregistered codes.
import { describe, expect, it } from 'vitest';
import { defineCodes, describeCode } from '../../src/diagnostics/code-catalog.js';
import { CATALOG } from './fixtures.js';

describe('defineCodes', () => {
  it('returns the same entries, frozen', () => {
    const codes = defineCodes(CATALOG);
    expect(codes).toEqual(CATALOG);
    expect(Object.isFrozen(codes)).toBe(true);
    expect(codes.every((c) => Object.isFrozen(c))).toBe(true);
    expect(() => (codes as unknown as unknown[]).push({})).toThrow();
  });
});

describe('describeCode', () => {
  it('finds registered codes', () => {
    expect(describeCode('spine-list', CATALOG)).toBe(CATALOG[1]);
  });

  it('makes a readable default for unknown codes', () => {
    expect(describeCode('vni-out-of-range', [])).toEqual({
      code: 'vni-out-of-range',
      severity: 'error',
      summary: 'Vni out of range',
    });
    expect(describeCode('odd_code', CATALOG, 'warning').severity).toBe('warning');
    expect(describeCode('', []).summary).toBe('Unknown diagnostic');
  });
});
