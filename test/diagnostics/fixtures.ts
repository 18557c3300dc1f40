// Shared sample diagnostics and sources for the formatter tests.
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { CodeInfo } from '../../src/diagnostics/code-catalog.js';

export const DC1_YAML = [
  'fabric:',
  '  name: dc1',
  '  leaves:',
  '    - {name: leaf1, rack: r1}',
  '    - {name: leaf1, rack: r2}',
  '  spines: [s1, s2]',
  '  asn: 65000',
  '',
].join('\n');

export const SOURCES: ReadonlyMap<string, string> = new Map([['dc1.yaml', DC1_YAML]]);

export const duplicateName: Diagnostic = {
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
};

/** Spans two lines: the caret runs to the end of the first. */
export const spineList: Diagnostic = {
  code: 'spine-list',
  severity: 'warning',
  message: 'spines are listed by name',
  location: { file: 'dc1.yaml', line: 6, column: 11, endLine: 7, endColumn: 3 },
  related: [],
};

/** A file whose text the formatter was not given. */
export const unknownSource: Diagnostic = {
  code: 'bad-thing',
  severity: 'error',
  message: 'oops',
  location: { file: 'other.yaml', line: 3, column: 5, endLine: 3, endColumn: 9 },
  related: [],
};

export const noTargets: Diagnostic = {
  code: 'no-targets',
  severity: 'info',
  message: 'nothing to emit',
  related: [],
};

export const ALL: readonly Diagnostic[] = [spineList, unknownSource, duplicateName, noTargets];

export const CATALOG: readonly CodeInfo[] = [
  { code: 'duplicate-name', severity: 'error', summary: 'Two objects share a name.' },
  { code: 'spine-list', severity: 'warning', summary: 'Spines are given as a list.', docs: '#spines' },
  { code: 'never-used', severity: 'error', summary: 'Not reported in these tests.' },
  { code: 'no-targets', severity: 'info', summary: 'Nothing to emit.', docs: 'https://example.org/no-targets' },
];
