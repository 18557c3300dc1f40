// Cheap answers about raw YAML text: where an offset lies, where a node starts, the first character YAML forbids.
import type { Location } from '../diagnostics/diagnostic.js';

/** 1-based line and column of `offset`, counted as `yaml`'s LineCounter counts them (columns in UTF-16 units). */
export function locationAt(text: string, file: string, offset: number, length = 1): Location {
  const at = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const column = at - lineStart + 1;
  return { file, line, column, endLine: line, endColumn: column + Math.max(0, length) };
}

/** The first offset at or after `offset` that is not white space, a line break or a comment: where a node's text begins. */
export function nodeStart(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') i++;
    else if (c === '#') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else break;
  }
  return i;
}

/** Whether the node whose text starts at or after `offset` is a list (block `- ` or flow `[`), skipping its anchor and tag. */
export function startsList(text: string, offset: number): boolean {
  let i = nodeStart(text, offset);
  while (text[i] === '&' || text[i] === '!') {
    while (i < text.length && !/\s/.test(text[i] ?? '')) i++;
    i = nodeStart(text, i);
  }
  return text[i] === '[' || (text[i] === '-' && /^[\s]?$/.test(text[i + 1] ?? ''));
}

/**
 * Characters YAML 1.2 does not allow in a stream (c-printable): C0 and C1 controls other than tab, line breaks and NEL,
 * DEL, U+FFFE, U+FFFF and lone surrogates. js-yaml refuses them and `yaml` does not, so thrice checks before either runs.
 */
// With the u flag a surrogate range matches only unpaired surrogates.
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]/u;

export function firstNonPrintable(text: string): number {
  const match = NON_PRINTABLE.exec(text);
  return match ? match.index : -1;
}

/** Where the document whose root node begins at `root` starts: its `---` line when only blanks and comments lie between. */
export function documentStart(text: string, root: number): number {
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  let found = -1;
  for (let m = marker.exec(text); m && m.index < root; m = marker.exec(text)) found = m.index;
  return found !== -1 && nodeStart(text, found + 3) >= Math.min(root, text.length) ? found : root;
}

/** Where the tag in front of the node at `offset` begins (`yaml` keeps the node's range, not its tag's). */
export function tagStart(text: string, offset: number): number {
  let i = text.lastIndexOf('!', offset - 1);
  if (i < 0) return offset;
  while (i > 0 && !/[\s,[\]{}]/.test(text[i - 1] ?? ' ')) i--;
  return i;
}
