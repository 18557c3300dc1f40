// Parsing keeps a location for every value, on both parse paths, and turns bad YAML into located diagnostics.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseYamlFile, parseYamlStream } from '../../src/source/parse-yaml.js';

const at = (l: { line: number; column: number }) => `${l.line}:${l.column}`;

describe('parseYamlFile', () => {
  const text = 'a: 1\nb:\n  - x: 2\n    y: [1, 2]\n  - z\n';

  it('locates values and keys by data path', () => {
    const doc = parseYamlFile(text, 'f.yaml').documents[0]!;
    expect(doc.value).toEqual({ a: 1, b: [{ x: 2, y: [1, 2] }, 'z'] });
    expect(at(doc.spans.locate(['b', 0, 'y', 1]))).toBe('4:12');
    expect(at(doc.spans.locateKey(['b', 0, 'y']))).toBe('4:5');
    expect(at(doc.spans.locate(['b', 1]))).toBe('5:5');
    // A path below a scalar falls back to the nearest located ancestor.
    expect(at(doc.spans.locate(['a', 'nope']))).toBe('1:4');
  });

  it('gives the same values and locations on the anchor path as on the fast path', () => {
    const withAnchor = text + 'c: &c 3\n';
    const fast = parseYamlFile(text, 'f.yaml').documents[0]!;
    const slow = parseYamlFile(withAnchor, 'f.yaml').documents[0]!;
    expect(slow.value).toEqual({ ...(fast.value as object), c: 3 });
    expect(at(slow.spans.locate(['b', 0, 'y', 1]))).toBe(at(fast.spans.locate(['b', 0, 'y', 1])));
  });

  it('both parsers agree on values (YAML 1.2 core schema) for generated documents', () => {
    const scalar = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 8 }), fc.constantFrom('yes', 'no', 'on', '010', '0x1F', '1e3', '~', '2026-01-01'));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.stringMatching(/^[a-z]{1,4}$/), tie('node'), { maxKeys: 3 })),
    })).node;
    fc.assert(
      fc.property(tree, (value) => {
        const yamlText = stringify({ root: value });
        const fast = parseYamlFile(yamlText, 'f.yaml').documents[0]!.value;
        const slow = parseYamlFile(yamlText + 'anchor: &x 1\n', 'f.yaml').documents[0]!.value as Record<string, unknown>;
        delete slow['anchor'];
        expect(fast).toEqual(slow);
      }),
      { numRuns: 200 },
    );
  });

  it('reports syntax errors, duplicate keys and alias bombs as located diagnostics', () => {
    const syntax = parseYamlFile('a: [1, 2\nb: 3\n', 'f.yaml');
    expect(syntax.documents).toHaveLength(0);
    expect(syntax.diagnostics.map((d) => d.code)).toEqual(['yaml-syntax']);
    const dup = parseYamlFile('a: 1\nb: 2\na: 3\n', 'f.yaml');
    expect(dup.diagnostics.map((d) => `${d.code} ${at(d.location!)}`)).toEqual(['duplicate-key 3:1']);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    expect(parseYamlFile(bomb, 'f.yaml').diagnostics.map((d) => d.code)).toEqual(['yaml-alias-bomb']);
  });

  it('rejects a second document in a spec, at its start', () => {
    const second = parseYamlFile('a: 1\n---\nb: 2\n', 'f.yaml');
    expect(second.documents).toHaveLength(0);
    expect(second.diagnostics.map((d) => `${d.code} ${at(d.location!)}`)).toEqual(['yaml-multiple-documents 2:1']);
  });
});

describe('parseYamlStream', () => {
  it('reads every document with its own locations, and JSON', () => {
    const r = parseYamlStream('kind: A\n---\nkind: B\nx: [1]\n', 's.yaml');
    expect(r.documents.map((d) => d.value)).toEqual([{ kind: 'A' }, { kind: 'B', x: [1] }]);
    expect(at(r.documents[1]!.spans.locate(['x', 0]))).toBe('4:5');
    const json = parseYamlStream('{"kind": "List", "items": []}', 's.json');
    expect(json.documents[0]!.value).toEqual({ kind: 'List', items: [] });
  });

  it('reports errors in a stream with their location', () => {
    const r = parseYamlStream('kind: A\n---\nkind: B\nkind: C\n', 's.yaml');
    expect(r.diagnostics.map((d) => `${d.code} ${at(d.location!)}`)).toEqual(['duplicate-key 4:1']);
  });
});
