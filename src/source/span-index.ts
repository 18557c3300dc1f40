// Maps every value of a parsed document (by JSON pointer) to its byte range, and ranges to line/column.
import type { LineCounter } from 'yaml';
import type { Location } from '../diagnostics/diagnostic.js';
import { type DataPath, toPointer, fromPointer } from './data-path.js';

export interface Span {
  readonly start: number;
  readonly end: number;
}

interface Entry {
  value: Span;
  key?: Span;
}

export class SpanIndex {
  readonly #entries = new Map<string, Entry>();

  constructor(
    readonly file: string,
    private readonly lines: LineCounter | null,
  ) {}

  /** Records the span of the value at `pointer` (and of its mapping key, when it has one). */
  record(pointer: string, value: Span, key?: Span): void {
    this.#entries.set(pointer, key ? { value, key } : { value });
  }

  has(path: DataPath): boolean {
    return this.#entries.has(toPointer(path));
  }

  /** The value's location; falls back to the nearest recorded ancestor (e.g. values behind aliases). */
  locate(path: DataPath): Location {
    return this.locatePointer(toPointer(path));
  }

  /** The mapping key's location, or the value's when the value has no key (list items, root). */
  locateKey(path: DataPath): Location {
    const entry = this.#entries.get(toPointer(path));
    if (entry?.key) return this.toLocation(entry.key);
    return this.locate(path);
  }

  locatePointer(pointer: string): Location {
    let segments = fromPointer(pointer);
    for (;;) {
      const p = segments.length === 0 ? '' : '/' + segments.map(escape).join('/');
      const entry = this.#entries.get(p);
      if (entry) return this.toLocation(entry.value);
      if (segments.length === 0) return this.toLocation({ start: 0, end: 0 });
      segments = segments.slice(0, -1);
    }
  }

  toLocation(span: Span): Location {
    if (!this.lines) return { file: this.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
    const a = this.lines.linePos(span.start);
    const b = this.lines.linePos(Math.max(span.start, span.end));
    return { file: this.file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
