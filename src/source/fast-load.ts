// Reads YAML with js-yaml (the fast parser) under thrice's limits, noting anchors, document starts and where long lists begin.
import { type LoadOptions, type State, YAMLException, loadAll } from 'js-yaml';
import { CORE_SCHEMA_1_2 } from './core-schema.js';
import { startsList } from './text-position.js';
import { LONG_LIST, MAX_DEPTH, MAX_ENTRIES } from './yaml-limits.js';

export interface FastLoad {
  readonly ok: true;
  readonly values: readonly unknown[];
  /** Offset at which each document's root node was begun. */
  readonly roots: readonly number[];
  /** Some document defines an anchor: its aliases must be counted by the `yaml` path. */
  readonly anchors: boolean;
  /** Start offset of every list longer than LONG_LIST. */
  readonly listStarts: WeakMap<object, number>;
}

export type FastFailure =
  | { readonly ok: false; readonly limit: 'entries'; readonly offset: number; readonly list: boolean }
  | { readonly ok: false; readonly limit: 'depth'; readonly offset: number }
  /** Anything else js-yaml refused (syntax, a duplicate key, an unknown tag, several documents). */
  | { readonly ok: false; readonly limit?: undefined; readonly error: YAMLException };

class EntriesExceeded extends Error {
  constructor(
    readonly offset: number,
    readonly list: boolean,
  ) {
    super('too many entries');
  }
}

/** js-yaml counts the node inside the deepest collection too, and one more in some block forms: 64 levels always pass. */
const JS_YAML_MAX_DEPTH = MAX_DEPTH + 2;

/**
 * Parses every document of `text`. js-yaml's listener sees each node open and close: a collection gets one child per
 * list item and two per mapping entry (key and value), so counting children stops a huge list while it is read,
 * not after. Items written as a bare `-` open no node; the length check at close catches those lists.
 */
export function fastLoad(text: string): FastLoad | FastFailure {
  const starts: number[] = [];
  const children: number[] = [];
  const roots: number[] = [];
  const listStarts = new WeakMap<object, number>();
  let anchors = false;

  const open = (state: State): void => {
    const top = starts.length - 1;
    if (top < 0) roots.push(state.position);
    else {
      const n = (children[top] = (children[top] ?? 0) + 1);
      if (n > MAX_ENTRIES) {
        const start = starts[top] ?? 0;
        if (startsList(text, start)) throw new EntriesExceeded(start, true);
        if (n > 2 * MAX_ENTRIES + 2) throw new EntriesExceeded(start, false);
      }
    }
    starts.push(state.position);
    children.push(0);
  };

  const close = (state: State): void => {
    const start = starts.pop() ?? 0;
    const n = children.pop() ?? 0;
    const result: unknown = state.result;
    if (state.kind === 'sequence' && Array.isArray(result)) {
      if (result.length > MAX_ENTRIES) throw new EntriesExceeded(start, true);
      if (result.length > LONG_LIST && !listStarts.has(result)) listStarts.set(result, start);
    } else if (state.kind === 'mapping' && n > MAX_ENTRIES && Object.keys(result as object).length > MAX_ENTRIES) {
      throw new EntriesExceeded(start, false);
    }
    if (starts.length === 0) anchors ||= definesAnchor(state);
  };

  const options = {
    schema: CORE_SCHEMA_1_2,
    maxDepth: JS_YAML_MAX_DEPTH,
    listener: (event: 'open' | 'close', state: State) => (event === 'open' ? open(state) : close(state)),
  } as LoadOptions;
  try {
    const values = loadAll(text, null, options);
    return { ok: true, values, roots, anchors, listStarts };
  } catch (error) {
    if (error instanceof EntriesExceeded) return { ok: false, limit: 'entries', offset: error.offset, list: error.list };
    if (error instanceof YAMLException) {
      if (/maxDepth/.test(error.reason)) return { ok: false, limit: 'depth', offset: error.mark?.position ?? 0 };
      return { ok: false, error };
    }
    // Not expected from js-yaml; reported as a plain syntax error at the start rather than thrown.
    return { ok: false, error: new YAMLException(error instanceof Error ? error.message : String(error)) };
  }
}

/**
 * Whether the document just closed defined an anchor. js-yaml keeps a document's anchors in `state.anchorMap`, which
 * its typings do not declare; should that ever change, every document counts as anchored (the slower, safe path).
 */
function definesAnchor(state: State): boolean {
  const map = (state as State & { anchorMap?: object }).anchorMap;
  if (map === undefined || map === null) return true;
  for (const _ in map) return true;
  return false;
}
