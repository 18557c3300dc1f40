// Issue 8: what hostile values read as (tags, numbers, merge keys, __proto__), the same on both parse paths.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYamlFile, parseYamlStream } from '../../src/source/parse-yaml.js';
import type { ParseResult } from '../../src/source/parse-yaml.js';
import { SLOW_PATH_MAX_BYTES } from '../../src/source/yaml-limits.js';

const found = (r: ParseResult) => r.diagnostics.map((d) => `${d.code} ${d.location?.line}:${d.location?.column}`);
const fast = (text: string) => parseYamlFile(text, 'f.yaml');
/** An anchor sends the file through `yaml` (after js-yaml's checks): both readings must agree. */
const slow = (text: string) => parseYamlFile(`anchor: &x 1\n${text}`, 'f.yaml');
const valueOf = (r: ParseResult) => r.documents[0]?.value as Record<string, unknown> | undefined;

describe('tags', () => {
  it.each(['!!js/function', '!!js/undefined', '!!python/object:os.system', '!!binary', '!!set', '!!omap', '!!timestamp', '!Ref', '!<tag:example.com,2026:x>'])(
    '%s is refused at the tag, on both paths and in a manifest',
    (tag) => {
      expect(found(fast(`a: 1\nb: ${tag} x\n`))).toEqual(['yaml-unknown-tag 2:4']);
      expect(found(slow(`a: 1\nb: ${tag} x\n`))).toEqual(['yaml-unknown-tag 3:4']);
      expect(found(parseYamlStream(`kind: A\n---\nb: ${tag} x\n`, 'm.yaml'))).toEqual(['yaml-unknown-tag 3:4']);
    },
  );

  it('core tags and the non-specific tag read as plain values', () => {
    const text = 'a: !!str 12\nb: !!int "7"\nc: !!float 1.5\nd: !!bool true\ne: !!null ~\nf: !!seq [1]\ng: !!map {x: 1}\nh: ! 12\n';
    const expected = { a: '12', b: 7, c: 1.5, d: true, e: null, f: [1], g: { x: 1 }, h: '12' };
    expect(valueOf(fast(text))).toEqual(expected);
    expect(valueOf(slow(text))).toMatchObject(expected);
  });
});

describe('numbers (YAML 1.2 core schema, exactly)', () => {
  it.each([
    ['1e999', Infinity],
    ['-1e999', -Infinity],
    ['.inf', Infinity],
    ['.NaN', NaN],
    ['-.5', -0.5],
    ['0x1F', 31],
    ['0o17', 15],
    ['017', 17],
    ['0b101', '0b101'],
    ['-0x1F', '-0x1F'],
    ['+0o17', '+0o17'],
    ['1_000', '1_000'],
    ['123456789012345678901234567890', 1.2345678901234568e29],
  ])('%s reads as %s on both paths', (text, expected) => {
    expect(valueOf(fast(`a: ${text}\n`))?.['a']).toEqual(expected);
    expect(valueOf(slow(`a: ${text}\n`))?.['a']).toEqual(expected);
  });

  it('both parsers agree on every number-like word', () => {
    const word = fc.stringMatching(/^[-+]?(0[xob])?[0-9a-fA-F._]{0,6}([eE][-+]?[0-9]{1,4})?$/);
    fc.assert(
      fc.property(word, (w) => {
        expect(valueOf(fast(`a: ${w}\n`))?.['a']).toEqual(valueOf(slow(`a: ${w}\n`))?.['a']);
      }),
      { numRuns: 300 },
    );
  });
});

describe('keys', () => {
  it('"<<" is an ordinary key (no merging) on both paths', () => {
    const text = 'base: {x: 1}\nc:\n  <<: {x: 2}\n  y: 3\n';
    expect(valueOf(fast(text))?.['c']).toEqual({ '<<': { x: 2 }, y: 3 });
    expect(slow(text).documents[0]?.value).toMatchObject({ c: { '<<': { x: 2 }, y: 3 } });
    expect(valueOf(slow('base: &b {x: 1}\nc:\n  <<: *b\n'))?.['c']).toEqual({ '<<': { x: 1 } });
  });

  it('__proto__ and constructor are own keys and pollute no prototype, on both paths', () => {
    const text = '__proto__: {polluted: 1}\nconstructor: {prototype: {polluted: 1}}\nlist: [{__proto__: {polluted: 1}}]\n';
    for (const r of [fast(text), slow(text), parseYamlStream(text, 'm.yaml')]) {
      const value = r.documents[0]?.value as Record<string, unknown>;
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(Object.hasOwn(value, '__proto__')).toBe(true);
      expect((value as { polluted?: unknown }).polluted).toBeUndefined();
      expect(Object.getPrototypeOf((value['list'] as object[])[0])).toBe(Object.prototype);
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('every duplicate key is reported, keys comparing as the object will hold them (1 and "1")', () => {
    expect(found(fast('a: 1\nb: 2\na: 3\nb: 4\n'))).toEqual(['duplicate-key 3:1', 'duplicate-key 4:1']);
    expect(found(fast('1: a\n"1": b\n'))).toEqual(['duplicate-key 2:1']);
    expect(found(slow('1: a\n"1": b\n'))).toEqual(['duplicate-key 3:1']);
  });

  it('a duplicate among 100,000 keys is found in linear time (yaml compares each key with every other)', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: 1\n`).join('');
    const started = Date.now();
    expect(found(slow(`${keys}k5: 2\n`))).toEqual(['duplicate-key 100002:1']);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('a 100,000-character key and a 1 MB scalar are read as they are', () => {
    const key = 'k'.repeat(100_000);
    const scalar = 'v'.repeat(1_000_000);
    expect(Object.keys(valueOf(fast(`${key}: 1\n`)) ?? {})).toEqual([key]);
    expect(valueOf(fast(`a: ${scalar}\n`))?.['a']).toBe(scalar);
    expect(valueOf(slow(`a: "${scalar}"\n`))?.['a']).toBe(scalar);
  });
});

describe('files too large to re-parse with yaml', () => {
  const filler = `# ${'x'.repeat(78)}\n`.repeat(Math.ceil(SLOW_PATH_MAX_BYTES / 80) + 1);

  it("are reported with js-yaml's first error, located, and with thrice's codes", () => {
    const lines = filler.split('\n').length - 1;
    expect(found(fast(`${filler}a: 1\na: 2\n`))).toEqual([`duplicate-key ${lines + 2}:1`]);
    expect(found(fast(`${filler}a: !Ref x\n`))[0]).toMatch(new RegExp(`^yaml-unknown-tag ${lines + 1}:`));
    expect(found(fast(`${filler}a: [1\n`))[0]).toMatch(/^yaml-syntax /);
  });
});
