// Issue 8: quoting a hostile source line prints a bounded, inert excerpt with the caret still under the right place.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatText } from '../../src/diagnostics/format-text.js';

const plain = { color: false };
const at = (line: number, column: number, endColumn = column + 1): Diagnostic => ({
  code: 'bad',
  severity: 'error',
  message: 'oops',
  location: { file: 'f.yaml', line, column, endLine: line, endColumn },
  related: [],
});
/** The quoted line and the caret line of the only diagnostic. */
const excerpt = (text: string, d: Diagnostic) => formatText([d], new Map([['f.yaml', text]]), plain).split('\n').slice(1, 3);

describe('formatText on hostile lines', () => {
  it('cuts a 10 MB line around the caret, and the caret stays under its character', () => {
    const line = 'a: [' + '1, '.repeat(3_000_000) + 'X]';
    const column = line.indexOf('X') + 1;
    const [quoted, caret] = excerpt(line + '\n', at(1, column)) as [string, string];
    expect(quoted.length).toBeLessThan(140);
    expect(quoted.startsWith('    1 | …')).toBe(true);
    expect(quoted[caret.indexOf('^')]).toBe('X');
  });

  it('shows terminal escapes, carriage returns and bidi overrides as "?", keeping columns', () => {
    const [quoted, caret] = excerpt('a: "\u001b]0;pwned\u0007\r\u202eX"\n', at(1, 17)) as [string, string];
    expect(quoted).toBe('    1 | a: "?]0;pwned???X"');
    expect(quoted[caret.indexOf('^')]).toBe('X');
  });

  it('does not count a byte-order mark as a column on line 1', () => {
    const [quoted, caret] = excerpt('\ufeffab: X\n', at(1, 5)) as [string, string];
    expect(quoted).toBe('    1 | ab: X');
    expect(quoted[caret.indexOf('^')]).toBe('X');
  });
});
