// Golden strings for the compiler-style text formatter.
import { describe, expect, it } from 'vitest';
import { formatText, summaryLine } from '../../src/diagnostics/format-text.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { ALL, SOURCES, duplicateName, noTargets, spineList, unknownSource } from './fixtures.js';

const plain = { color: false };

describe('formatText', () => {
  it('prints place, source line, caret, related note and hint', () => {
    expect(formatText([duplicateName], SOURCES, plain)).toBe(
      [
        'dc1.yaml:5:14: error duplicate-name: leaf name "leaf1" is used twice',
        '    5 |     - {name: leaf1, rack: r2}',
        '      |              ^^^^^',
        '  dc1.yaml:4:14: note: first defined here',
        '  hint: rename one of them',
        '',
        '1 error, 0 warnings',
        '',
      ].join('\n'),
    );
  });

  it('prints the whole sorted list: location-less first, multi-line spans underlined to end of line', () => {
    expect(formatText(ALL, SOURCES, plain)).toBe(
      [
        'thrice: info no-targets: nothing to emit',
        '',
        'dc1.yaml:5:14: error duplicate-name: leaf name "leaf1" is used twice',
        '    5 |     - {name: leaf1, rack: r2}',
        '      |              ^^^^^',
        '  dc1.yaml:4:14: note: first defined here',
        '  hint: rename one of them',
        '',
        'dc1.yaml:6:11: warning spine-list: spines are listed by name',
        '    6 |   spines: [s1, s2]',
        '      |           ^^^^^^^^',
        '',
        'other.yaml:3:5: error bad-thing: oops',
        '',
        '2 errors, 1 warning, 1 info',
        '',
      ].join('\n'),
    );
  });

  it('omits the snippet when the source is unknown', () => {
    expect(formatText([unknownSource], new Map(), plain)).toBe(
      'other.yaml:3:5: error bad-thing: oops\n\n1 error, 0 warnings\n',
    );
  });

  it('prints nothing at all for no diagnostics', () => {
    expect(formatText([], SOURCES, plain)).toBe('');
  });

  it('keeps tabs in the caret prefix and always draws at least one caret', () => {
    const sources = new Map([['t.yaml', 'a:\n\tname:\tx\n']]);
    const empty: Diagnostic = {
      code: 'empty-span',
      severity: 'warning',
      message: 'zero-width',
      location: { file: 't.yaml', line: 2, column: 8, endLine: 2, endColumn: 8 },
      related: [],
    };
    expect(formatText([empty], sources, plain)).toBe(
      [
        't.yaml:2:8: warning empty-span: zero-width',
        '    2 | \tname:\tx',
        '      | \t     \t^',
        '',
        '0 errors, 1 warning',
        '',
      ].join('\n'),
    );
  });

  it('widens the gutter for long files and handles CRLF sources', () => {
    const text = Array.from({ length: 123456 }, (_, i) => (i === 123455 ? 'key: value' : '#')).join('\r\n');
    const far: Diagnostic = {
      code: 'far-away',
      severity: 'error',
      message: 'deep in the file',
      location: { file: 'big.yaml', line: 123456, column: 6, endLine: 123456, endColumn: 11 },
      related: [],
    };
    expect(formatText([far], new Map([['big.yaml', text]]), plain)).toBe(
      [
        'big.yaml:123456:6: error far-away: deep in the file',
        ' 123456 | key: value',
        '        |      ^^^^^',
        '',
        '1 error, 0 warnings',
        '',
      ].join('\n'),
    );
  });

  it('uses no escape codes without colour and some with it', () => {
    expect(formatText(ALL, SOURCES, plain)).not.toMatch(/\x1b\[/);
    const coloured = formatText([duplicateName, spineList], SOURCES, { color: true });
    expect(coloured).toContain('\x1b[1;31merror\x1b[0m');
    expect(coloured).toContain('\x1b[1;33mwarning\x1b[0m');
    // Stripping the escapes gives back the plain text.
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, '')).toBe(formatText([duplicateName, spineList], SOURCES, plain));
  });
});

describe('summaryLine', () => {
  it('counts with plurals and mentions infos only when present', () => {
    expect(summaryLine([duplicateName])).toBe('1 error, 0 warnings');
    expect(summaryLine([duplicateName, unknownSource, spineList])).toBe('2 errors, 1 warning');
    expect(summaryLine([noTargets, noTargets])).toBe('0 errors, 0 warnings, 2 infos');
  });
});
