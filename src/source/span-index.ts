// Maps every value of a parsed document (by JSON pointer) to its byte range, and ranges to line/column.
import type { LineCounter } from 'yaml';
import type { Location } from '../diagnostics/diagnostic.js';
import { type DataPath, toPointer, fromPointer } from './data-path.js';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface SpanEntry {
  readonly value: Span;
  readonly key?: Span;
}

export interface SpanTable {
  readonly entries: ReadonlyMap<string, SpanEntry>;
  readonly lines: LineCounter | null;
}

/** Where long lists begin, noted by the fast parser: a list-length error is located without building the table. */
export interface ListStarts {
  readonly offsets: WeakMap<object, number>;
  readonly locate: (offset: number) => Location;
}

/**
 * Locations of a document's values. The table may be built lazily: the fast parse path defers the
 * position-tracking parse until the first diagnostic needs a location, so clean compiles never pay for it.
 */
export class SpanIndex {
  #table: SpanTable | undefined;

  constructor(
    readonly file: string,
    private readonly build: () => SpanTable,
    private readonly listStarts?: ListStarts,
  ) {}

  private get table(): SpanTable {
    this.#table ??= this.build();
    return this.#table;
  }

  has(path: DataPath): boolean {
    return this.table.entries.has(toPointer(path));
  }

  /** The value's location; falls back to the nearest recorded ancestor (e.g. values behind aliases). */
  locate(path: DataPath): Location {
    return this.locatePointer(toPointer(path));
  }

  /**
   * The value's location, resolved only when one of its fields is read. Objects that keep a location for a
   * possible diagnostic (every NetworkPolicy peer, say) then cost nothing on a clean run.
   */
  locateLazily(path: DataPath): Location {
    let resolved: Location | undefined;
    const get = (): Location => (resolved ??= this.locate(path));
    const field = (key: keyof Location) => ({ enumerable: true, get: () => get()[key] });
    return Object.defineProperties({}, { file: field('file'), line: field('line'), column: field('column'), endLine: field('endLine'), endColumn: field('endColumn') }) as Location;
  }

  /** A list's location; lists the fast parser noted need no position-tracking parse (a huge file takes seconds). */
  locateList(path: DataPath, list: object): Location {
    const offset = this.listStarts?.offsets.get(list);
    return offset !== undefined && this.listStarts ? this.listStarts.locate(offset) : this.locate(path);
  }

  /** The mapping key's location, or the value's when the value has no key (list items, root). */
  locateKey(path: DataPath): Location {
    const entry = this.table.entries.get(toPointer(path));
    if (entry?.key) return this.toLocation(entry.key);
    return this.locate(path);
  }

  locatePointer(pointer: string): Location {
    let segments = fromPointer(pointer);
    for (;;) {
      const p = segments.length === 0 ? '' : '/' + segments.map(escape).join('/');
      const entry = this.table.entries.get(p);
      if (entry) return this.toLocation(entry.value);
      if (segments.length === 0) return this.toLocation({ start: 0, end: 0 });
      segments = segments.slice(0, -1);
    }
  }

  toLocation(span: Span): Location {
    const lines = this.table.lines;
    if (!lines) return { file: this.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
    const a = lines.linePos(span.start);
    const b = lines.linePos(Math.max(span.start, span.end));
    return { file: this.file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
