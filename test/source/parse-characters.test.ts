// Issue 8: control characters, byte-order marks, invalid UTF-8 and tabs give a located error or a correct reading.
import { describe, expect, it } from 'vitest';
import { parseYamlFile, parseYamlStream } from '../../src/source/parse-yaml.js';
import type { ParseResult } from '../../src/source/parse-yaml.js';

const found = (r: ParseResult) => r.diagnostics.map((d) => `${d.code} ${d.location?.line}:${d.location?.column}`);

describe('characters YAML forbids', () => {
  it.each([
    ['NUL', '\u0000'],
    ['ESC (a terminal escape)', '\u001b[31m'],
    ['BEL', '\u0007'],
    ['DEL', '\u007f'],
    ['a C1 control', '\u009b'],
    ['U+FFFE', '\ufffe'],
    ['a lone surrogate', '\ud800'],
  ])('%s is refused at its place, on both paths and in manifests', (_, ch) => {
    expect(found(parseYamlFile(`a: 1\nb: x${ch}y\n`, 'f.yaml'))).toEqual(['yaml-syntax 2:5']);
    expect(found(parseYamlFile(`a: &x 1\nb: "x${ch}y"\n`, 'f.yaml'))).toEqual(['yaml-syntax 2:6']);
    expect(found(parseYamlStream(`kind: A\n---\n# ${ch}\n`, 'm.yaml'))).toEqual(['yaml-syntax 3:3']);
  });

  it('escapes in double quotes are YAML, and read as the characters they name', () => {
    expect(parseYamlFile('a: "x\\u0000\\e"\n', 'f.yaml').documents[0]?.value).toEqual({ a: 'x\u0000\u001b' });
  });
});

describe('encodings', () => {
  it('a byte-order mark is dropped, so columns on line 1 count as an editor shows them', () => {
    const r = parseYamlFile('\ufeffa: [1, 2]\n', 'f.yaml');
    expect(r.documents[0]?.value).toEqual({ a: [1, 2] });
    expect(r.documents[0]?.spans.locate(['a', 1])).toMatchObject({ line: 1, column: 8 });
    expect(found(parseYamlFile('\ufeffa: 1\n\ufeffb: 2\n', 'f.yaml'))).toEqual([]);
  });

  it('invalid UTF-8 (decoded to U+FFFD by the reader) is an ordinary character: a key stays a located, unknown key', () => {
    const text = Buffer.from([...Buffer.from('a: 1\nn'), 0xff, 0xfe, ...Buffer.from('me: x\n')]).toString('utf8');
    const r = parseYamlFile(text, 'f.yaml');
    expect(found(r)).toEqual([]);
    expect(Object.keys(r.documents[0]?.value as object)).toEqual(['a', 'n\ufffd\ufffdme']);
    expect(r.documents[0]?.spans.locateKey(['n\ufffd\ufffdme'])).toMatchObject({ line: 2, column: 1 });
  });

  it('tabs in indentation are a located syntax error; tabs as separators are fine', () => {
    expect(found(parseYamlFile('a:\n\t- 1\n', 'f.yaml'))).toEqual(['yaml-syntax 2:1']);
    expect(parseYamlFile('a:\t1\nb: [1,\t2]\t# c\n', 'f.yaml').documents[0]?.value).toEqual({ a: 1, b: [1, 2] });
  });
});

describe('garbage', () => {
  it('reports at most 20 syntax errors and a note counting the rest', () => {
    const r = parseYamlFile('a: 1\n' + 'b: ]\n'.repeat(500), 'f.yaml');
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c === 'yaml-syntax').length).toBeLessThanOrEqual(20);
    expect(codes.at(-1)).toBe('diagnostics-truncated');
  });
});
