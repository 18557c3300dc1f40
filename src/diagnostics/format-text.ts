// Prints diagnostics compiler-style: `file:line:col: severity code: message`, source line, caret, notes, hint.
import { type Diagnostic, type Location, type Severity, sortDiagnostics } from './diagnostic.js';

export interface TextFormatOptions {
  /** ANSI colour; the CLI passes `process.stdout.isTTY && !NO_COLOR`. */
  readonly color: boolean;
}

type Style = 'error' | 'warning' | 'info' | 'note' | 'hint' | 'place' | 'gutter' | 'code';

const ANSI: Readonly<Record<Style, string>> = {
  error: '\x1b[1;31m',
  warning: '\x1b[1;33m',
  info: '\x1b[1;36m',
  note: '\x1b[1;36m',
  hint: '\x1b[1;32m',
  place: '\x1b[1m',
  gutter: '\x1b[34m',
  code: '\x1b[2m',
};
const RESET = '\x1b[0m';

/** Smallest width of the line-number gutter, so short files line up with long ones. */
const GUTTER_WIDTH = 5;

/** Renders the whole list, sorted, followed by a summary line; empty string for no diagnostics. */
export function formatText(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  options: TextFormatOptions,
): string {
  if (diagnostics.length === 0) return '';
  const paint = (style: Style, text: string): string =>
    options.color ? `${ANSI[style]}${text}${RESET}` : text;
  const lineCache = new Map<string, readonly string[]>();
  const linesOf = (file: string): readonly string[] | undefined => {
    const text = sources.get(file);
    if (text === undefined) return undefined;
    let lines = lineCache.get(file);
    if (!lines) lineCache.set(file, (lines = text.split(/\r?\n/)));
    return lines;
  };

  const blocks = sortDiagnostics(diagnostics).map((d) => formatOne(d, linesOf, paint).join('\n'));
  return blocks.join('\n\n') + '\n\n' + paint('place', summaryLine(diagnostics)) + '\n';
}

/** `2 errors, 1 warning` (infos only when there are some). */
export function summaryLine(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Severity): number => diagnostics.filter((d) => d.severity === severity).length;
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning')];
  const infos = count('info');
  if (infos > 0) parts.push(plural(infos, 'info'));
  return parts.join(', ');
}

function formatOne(
  d: Diagnostic,
  linesOf: (file: string) => readonly string[] | undefined,
  paint: (style: Style, text: string) => string,
): string[] {
  const place = d.location ? placeOf(d.location) : 'thrice';
  const out = [`${paint('place', place + ':')} ${paint(d.severity, d.severity)} ${paint('code', d.code)}: ${d.message}`];
  if (d.location) {
    const lines = linesOf(d.location.file);
    if (lines) out.push(...snippet(d.location, lines, d.severity, paint));
  }
  for (const related of d.related) {
    out.push(`  ${paint('place', placeOf(related.location) + ':')} ${paint('note', 'note')}: ${related.message}`);
  }
  if (d.hint !== undefined) out.push(`  ${paint('hint', 'hint')}: ${d.hint}`);
  return out;
}

function placeOf(location: Location): string {
  return `${location.file}:${location.line}:${location.column}`;
}

/** Longest stretch of a source line quoted; a longer line (a generated or hostile file) is cut around the caret. */
const MAX_QUOTED = 120;
/** Context kept before the caret when a long line is cut. */
const BEFORE_CARET = 20;
/** What a terminal would act on (escape sequences, carriage returns) or what reorders text (bidi controls): shown as "?". */
const UNSAFE = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** The source line and a caret line under column..endColumn (to the end of the line for multi-line spans). */
function snippet(
  location: Location,
  lines: readonly string[],
  severity: Severity,
  paint: (style: Style, text: string) => string,
): string[] {
  const raw = lines[location.line - 1];
  if (raw === undefined) return [];
  // Parsing drops a byte-order mark, so columns on line 1 count from after it.
  const text = location.line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
  const number = String(location.line);
  const width = Math.max(GUTTER_WIDTH, number.length + 1);
  const start = Math.max(0, location.column - 1);
  const end = location.endLine > location.line ? text.length : location.endColumn - 1;
  let from = text.length > MAX_QUOTED ? Math.max(0, Math.min(start - BEFORE_CARET, text.length - MAX_QUOTED)) : 0;
  if (/[\uDC00-\uDFFF]/.test(text[from] ?? '')) from++;
  let to = Math.min(text.length, from + MAX_QUOTED);
  if (/[\uD800-\uDBFF]/.test(text[to - 1] ?? '')) to--;
  const lead = from > 0 ? '…' : '';
  const shown = lead + text.slice(from, to).replace(UNSAFE, '?') + (to < text.length ? '…' : '');
  // Keep tabs in the caret prefix so the caret lines up whatever the terminal's tab width.
  const prefix =
    (lead ? ' ' : '') +
    Array.from(text.slice(from, Math.max(from, start)), (ch) => (ch === '\t' ? '\t' : ' ')).join('') +
    ' '.repeat(Math.max(0, start - text.length));
  const carets = '^'.repeat(Math.max(1, Array.from(text.slice(start, Math.max(start, Math.min(end, to)))).length));
  return [
    `${paint('gutter', number.padStart(width) + ' |')} ${shown}`,
    `${paint('gutter', ' '.repeat(width) + ' |')} ${prefix}${paint(severity, carets)}`,
  ];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
