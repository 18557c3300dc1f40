// Prints diagnostics in the chosen format: text to stderr (like a compiler), JSON and SARIF to stdout.
import { relative } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatText } from '../diagnostics/format-text.js';
import { formatJson } from '../diagnostics/format-json.js';
import { formatSarif } from '../diagnostics/format-sarif.js';
import { allCodes } from '../diagnostics/all-codes.js';
import { THRICE_VERSION } from './version.js';

export type OutputFormat = 'text' | 'json' | 'sarif';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

export interface Reporter {
  readonly format: OutputFormat;
  diagnostics(items: readonly Diagnostic[], sources: ReadonlyMap<string, string>, extra?: Record<string, unknown>): void;
}

export function createReporter(format: OutputFormat): Reporter {
  return {
    format,
    diagnostics(items, sources, extra) {
      if (format === 'text') {
        const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
        const text = formatText(items, sources, { color });
        if (text) process.stderr.write(text.endsWith('\n') ? text : text + '\n');
      } else if (format === 'json') {
        process.stdout.write(formatJson(items, extra));
      } else {
        const rules = allCodes();
        process.stdout.write(formatSarif(items, { toolVersion: THRICE_VERSION, baseDir: process.cwd(), rules }));
      }
    },
  };
}

/** Paths in diagnostics are shown relative to the working directory, as compilers do. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}
