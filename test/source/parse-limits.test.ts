// Issue 8: nesting depth, entries per collection and document count are limits with located errors, on both parse paths.
import { describe, expect, it } from 'vitest';
import { parseYamlFile, parseYamlStream } from '../../src/source/parse-yaml.js';
import type { ParseResult } from '../../src/source/parse-yaml.js';
import { MAX_DEPTH, MAX_ENTRIES } from '../../src/source/yaml-limits.js';

const found = (r: ParseResult) => r.diagnostics.map((d) => `${d.code} ${d.location?.line}:${d.location?.column}`);
/** The same text with an anchor, so that `yaml` (the anchor path) reads it after js-yaml's checks. */
const anchored = (text: string) => (text.startsWith('-') ? text.replace(/ 1\n$/, ' &x 1\n') : `anchor: &x 1\n${text}`);

/** `n` levels of nesting in each form a YAML author can write; every form puts a scalar at the bottom. */
const FORMS: Record<string, (n: number) => string> = {
  'flow lists': (n) => `a: ${'['.repeat(n - 1)}1${']'.repeat(n - 1)}\n`,
  'flow mappings': (n) => `a: ${'{a: '.repeat(n - 1)}1${'}'.repeat(n - 1)}\n`,
  'block mappings': (n) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n',
  'block lists': (n) => 'a:\n' + Array.from({ length: n - 1 }, (_, i) => `${' '.repeat(i * 2 + 1)}-`).join('\n') + ' 1\n',
  'mappings in lists': (n) => Array.from({ length: n / 2 }, (_, i) => `${' '.repeat(i * 2)}- k:`).join('\n') + ' 1\n',
};

describe('nesting depth', () => {
  it.each(Object.keys(FORMS))('%s: 64 levels are read, 66 refused, on both paths', (form) => {
    const make = FORMS[form] as (n: number) => string;
    expect(MAX_DEPTH).toBe(64);
    for (const text of [make(64), anchored(make(64))]) expect(found(parseYamlFile(text, 'f.yaml'))).toEqual([]);
    for (const text of [make(66), anchored(make(66))]) expect(found(parseYamlFile(text, 'f.yaml')).map((c) => c.split(' ')[0])).toEqual(['yaml-too-deep']);
  });

  it('10,000 levels are refused where the limit is crossed, without exhausting the stack', () => {
    const flow = `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    // "a: " then the root mapping and 65 lists are allowed; the 66th bracket (column 69) is too deep.
    expect(found(parseYamlFile(flow, 'f.yaml'))).toEqual(['yaml-too-deep 1:69']);
    expect(found(parseYamlFile(anchored(flow), 'f.yaml'))).toEqual(['yaml-too-deep 2:69']);
    expect(found(parseYamlStream(`kind: A\n---\n${flow}`, 'm.yaml'))).toEqual(['yaml-too-deep 3:69']);
    const compact = `${'- '.repeat(10_000)}x\n`;
    expect(found(parseYamlFile(compact, 'f.yaml'))[0]).toMatch(/^yaml-too-deep 1:/);
    const block = FORMS['block mappings']!(3_000);
    expect(found(parseYamlFile(block, 'f.yaml'))[0]).toMatch(/^yaml-too-deep 66:/);
  });

  it('refuses deep nesting past an error that sends the file to the yaml parser, once, where the limit is crossed', () => {
    const deep = `c: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`;
    expect(found(parseYamlFile(`a: 1\n\tb: 2\n${deep}`, 'f.yaml'))).toEqual(['yaml-syntax 2:1', 'yaml-too-deep 3:68']);
    expect(found(parseYamlFile(`a: 1\nb: !custom x\n${deep}`, 'f.yaml'))).toEqual(['yaml-too-deep 3:68']);
  });

  it('aliases that nest deeper than the text are refused, not expanded into a stack overflow', () => {
    const chain = ['a0: &a0 [1]', ...Array.from({ length: 2_000 }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}]`)].join('\n');
    const codes = parseYamlFile(chain, 'f.yaml').diagnostics.map((d) => d.code);
    expect(codes).toHaveLength(1);
    expect(['yaml-alias-bomb', 'yaml-too-deep']).toContain(codes[0]);
  });
});

describe('entries per list or mapping', () => {
  const bigFlow = `a: [${'1,'.repeat(MAX_ENTRIES)}1]\n`;

  it('a list over the limit is refused at its start, in a spec and in a manifest', () => {
    expect(found(parseYamlFile(bigFlow, 'f.yaml'))).toEqual(['yaml-too-many-items 1:4']);
    expect(found(parseYamlFile(anchored(bigFlow), 'f.yaml'))).toEqual(['yaml-too-many-items 2:4']);
    expect(found(parseYamlStream(`kind: A\n---\n${bigFlow}`, 'm.yaml'))).toEqual(['yaml-too-many-items 3:4']);
  });

  it('counts bare "-" items, which js-yaml reads without a node event', () => {
    const bare = `thrice: 1\nitems:\n${'-\n'.repeat(MAX_ENTRIES + 1)}`;
    expect(found(parseYamlFile(bare, 'f.yaml'))).toEqual(['yaml-too-many-items 3:1']);
  });

  it('a mapping over the limit is refused at its start', () => {
    const keys = Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => `k${i}: 1`).join(', ');
    expect(found(parseYamlFile(`m: {${keys}}\n`, 'f.yaml'))).toEqual(['yaml-too-many-items 1:4']);
  });
});

describe('documents', () => {
  it.each([
    ['a: 1\n---\nb: 2\n', '2:1'],
    ['---\na: 1\n---\nb: 2\n', '3:1'],
    ['a: 1\n--- [1]\n', '2:1'],
    ['a: 1\n---\n', '2:1'],
    ['a: 1\n---\n# comment\n---\nb: 1\n', '2:1'],
    ['a: 1\n...\nb: 2\n', '3:1'],
    ['x: &x 1\n---\nb: *x\n', '2:1'],
  ])('a spec with a second document %j is refused at its start (%s)', (text, place) => {
    const r = parseYamlFile(text, 'f.yaml');
    expect(r.documents).toHaveLength(0);
    expect(found(r)).toEqual([`yaml-multiple-documents ${place}`]);
  });

  it('one document with its markers is read; a stream may hold many', () => {
    expect(parseYamlFile('%YAML 1.2\n---\na: 1\n...\n', 'f.yaml').documents[0]?.value).toEqual({ a: 1 });
    expect(parseYamlStream('a: 1\n---\nb: 2\n---\n', 'm.yaml').documents.map((d) => d.value)).toEqual([{ a: 1 }, { b: 2 }, null]);
  });
});
