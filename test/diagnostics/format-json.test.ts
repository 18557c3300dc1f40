// The JSON formatter: shape, key order, sorting, summary and extra sections.
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/diagnostics/format-json.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { ALL, duplicateName, noTargets } from './fixtures.js';

describe('formatJson', () => {
  it('prints the documented shape with keys in a fixed order', () => {
    const out = formatJson([duplicateName]);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out).toContain('\n  "diagnostics": [\n    {\n      "code"');
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(['diagnostics', 'summary']);
    expect(doc.summary).toEqual({ errors: 1, warnings: 0, infos: 0 });
    expect(doc.diagnostics).toEqual([
      {
        code: 'duplicate-name',
        severity: 'error',
        message: 'leaf name "leaf1" is used twice',
        location: { file: 'dc1.yaml', line: 5, column: 14, endLine: 5, endColumn: 19 },
        path: 'fabric.leaves[1].name',
        related: [
          {
            location: { file: 'dc1.yaml', line: 4, column: 14, endLine: 4, endColumn: 19 },
            message: 'first defined here',
          },
        ],
        hint: 'rename one of them',
      },
    ]);
    expect(Object.keys(doc.diagnostics[0])).toEqual([
      'code', 'severity', 'message', 'location', 'path', 'related', 'hint',
    ]);
    expect(Object.keys(doc.diagnostics[0].location)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn']);
  });

  it('does not depend on how the input objects were built', () => {
    const shuffled = {
      hint: duplicateName.hint,
      related: duplicateName.related,
      path: duplicateName.path,
      location: { endColumn: 19, endLine: 5, column: 14, line: 5, file: 'dc1.yaml' },
      message: duplicateName.message,
      severity: duplicateName.severity,
      code: duplicateName.code,
      extraneous: 'dropped',
    } as Diagnostic;
    expect(formatJson([shuffled])).toBe(formatJson([duplicateName]));
  });

  it('sorts, counts every severity, and gives location-less diagnostics a null location', () => {
    const doc = JSON.parse(formatJson([...ALL].reverse()));
    expect(doc.diagnostics.map((d: { code: string }) => d.code)).toEqual([
      'no-targets', 'duplicate-name', 'spine-list', 'bad-thing',
    ]);
    expect(doc.summary).toEqual({ errors: 2, warnings: 1, infos: 1 });
    expect(doc.diagnostics[0]).toEqual({
      code: 'no-targets', severity: 'info', message: 'nothing to emit', location: null, related: [],
    });
    expect(formatJson([...ALL].reverse())).toBe(formatJson(ALL));
  });

  it('appends extra sections after the summary and refuses to replace the built-in ones', () => {
    const doc = JSON.parse(formatJson([noTargets], { intents: [{ name: 'a', holds: true }] }));
    expect(Object.keys(doc)).toEqual(['diagnostics', 'summary', 'intents']);
    expect(doc.intents).toEqual([{ name: 'a', holds: true }]);
    expect(() => formatJson([], { summary: 1 })).toThrow(/summary/);
  });

  it('prints an empty list with a zero summary', () => {
    expect(formatJson([])).toBe(
      '{\n  "diagnostics": [],\n  "summary": {\n    "errors": 0,\n    "warnings": 0,\n    "infos": 0\n  }\n}\n',
    );
  });
});
