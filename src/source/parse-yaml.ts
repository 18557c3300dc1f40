// Parses YAML text into plain values plus a span index; every malformed or hostile input becomes a located diagnostic.
import { LineCounter, parseAllDocuments, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { limitDiagnostics } from '../diagnostics/limit-diagnostics.js';
import { type FastFailure, type FastLoad, fastLoad } from './fast-load.js';
import { aliasBomb, duplicateKey, fromJsYaml, multipleDocuments, nonPrintable, tooDeep, tooManyEntries, unknownTag } from './parse-diagnostics.js';
import { type ListStarts, type SpanEntry, SpanIndex, type SpanTable } from './span-index.js';
import { documentStart, firstNonPrintable, locationAt, nodeStart, tagStart } from './text-position.js';
import { checkNodeLimits } from './yaml-node-limits.js';
import { MAX_ALIAS_COUNT, SLOW_PATH_MAX_BYTES } from './yaml-limits.js';

/** One parsed YAML document: its plain JS value and where every part of it came from. */
export interface SourceDocument {
  readonly file: string;
  readonly value: unknown;
  readonly spans: SpanIndex;
}

export interface ParseResult {
  readonly documents: readonly SourceDocument[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Syntax errors reported per file; garbage input can have one per character. */
const MAX_PARSE_DIAGNOSTICS = 20;

// resolveKnownTags: false keeps `yaml` from building YAML 1.1 values (!!binary, !!set, !!timestamp) js-yaml refuses.
// uniqueKeys: false because yaml's check is quadratic in a mapping's size; checkNodeLimits finds duplicates instead.
const OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, resolveKnownTags: false } as const;

/**
 * Parses a single-document YAML file (the topology spec, a lock file).
 *
 * Two parsers, one meaning (the YAML 1.2 core schema): js-yaml reads every file first, about seven times faster
 * than `yaml`, under thrice's limits (nesting depth, entries per list or mapping); it also tells whether the file
 * defines anchors. Clean files without anchors keep js-yaml's values and get positions from `yaml` only when a
 * diagnostic asks. Files with anchors, and small files js-yaml rejects, go through `yaml`, which counts alias
 * expansions and whose error messages are the ones reported.
 */
export function parseYamlFile(text: string, file: string): ParseResult {
  return guarded(text, file, (clean) => {
    const fast = fastLoad(clean);
    if (!fast.ok) return fastFailure(fast, clean, file, () => slowFile(clean, file));
    if (fast.values.length > 1) {
      const start = documentStart(clean, fast.roots[1] ?? clean.length);
      return refused(multipleDocuments(locationAt(clean, file, start)));
    }
    if (fast.anchors) return slowFile(clean, file);
    const spans = new SpanIndex(file, () => spanTableOf(clean), listStartsOf(fast, clean, file));
    return { documents: [{ file, value: fast.values[0] ?? null, spans }], diagnostics: [] };
  });
}

/** Parses a multi-document YAML stream (Kubernetes manifests), with the same two-parser path as parseYamlFile. JSON is YAML, so it is read here too. */
export function parseYamlStream(text: string, file: string): ParseResult {
  return guarded(text, file, (clean) => {
    const fast = fastLoad(clean);
    if (!fast.ok) return fastFailure(fast, clean, file, () => slowStream(clean, file));
    if (fast.anchors) return slowStream(clean, file);
    let tables: SpanTable[] | undefined;
    const tableOf = (i: number): SpanTable => {
      tables ??= streamSpanTables(clean);
      // js-yaml reads a comment-only stream as one empty document where yaml reads none.
      return tables[i] ?? { entries: new Map(), lines: null };
    };
    const starts = listStartsOf(fast, clean, file);
    const documents = fast.values.map((value, i) => ({ file, value: value ?? null, spans: new SpanIndex(file, () => tableOf(i), starts) }));
    return { documents, diagnostics: [] };
  });
}

/** Drops a byte-order mark (editors do not count it as a column), refuses control characters, and never throws. */
function guarded(text: string, file: string, read: (clean: string) => ParseResult): ParseResult {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const bad = firstNonPrintable(clean);
  if (bad !== -1) return refused(nonPrintable(clean, file, bad));
  try {
    return read(clean);
  } catch (error) {
    // Every limit is checked before the parsers could throw; this is the last guard, so no input ever crashes thrice.
    const message = error instanceof RangeError ? 'the file is too large or too deeply nested to read' : 'the file could not be read as YAML';
    return refused({ code: 'yaml-syntax', severity: 'error', message, location: locationAt(clean, file, 0), related: [] });
  }
}

function refused(diagnostic: Diagnostic): ParseResult {
  return { documents: [], diagnostics: [diagnostic] };
}

function fastFailure(failure: FastFailure, text: string, file: string, slow: () => ParseResult): ParseResult {
  if (failure.limit === 'entries') return refused(tooManyEntries(locationAt(text, file, nodeStart(text, failure.offset)), failure.list));
  if (failure.limit === 'depth') return refused(tooDeep(locationAt(text, file, failure.offset)));
  return text.length > SLOW_PATH_MAX_BYTES ? refused(fromJsYaml(failure.error, text, file)) : slow();
}

function listStartsOf(fast: FastLoad, text: string, file: string): ListStarts {
  return { offsets: fast.listStarts, locate: (offset) => locationAt(text, file, nodeStart(text, offset)) };
}

function slowFile(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, ...OPTIONS });
  return convertDocuments([doc], text, file, lineCounter);
}

function slowStream(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, ...OPTIONS });
  // An empty stream: parseAllDocuments returns an EmptyStream object.
  return Array.isArray(docs) ? convertDocuments(docs, text, file, lineCounter) : { documents: [], diagnostics: [] };
}

function spanTableOf(text: string): SpanTable {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, ...OPTIONS });
  const entries = new Map<string, SpanEntry>();
  if (doc.contents) indexNode(doc.contents as YamlNode, '', entries, undefined);
  return { entries, lines };
}

function streamSpanTables(text: string): SpanTable[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, ...OPTIONS });
  if (!Array.isArray(docs)) return [];
  return docs.map((doc) => {
    const entries = new Map<string, SpanEntry>();
    if (doc.contents) indexNode(doc.contents as YamlNode, '', entries, undefined);
    return { entries, lines };
  });
}

/** `yaml`'s error codes that have a thrice code of their own; every other error is yaml-syntax. */
const YAML_ERROR_CODES: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: 'duplicate-key',
  MULTIPLE_DOCS: 'yaml-multiple-documents',
  RESOURCE_EXHAUSTION: 'yaml-too-deep',
};

function convertDocuments(docs: Document[], text: string, file: string, lineCounter: LineCounter): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const documents: SourceDocument[] = [];
  const fileSpans = new SpanIndex(file, () => ({ entries: new Map(), lines: lineCounter }));
  const at = (offset: number) => fileSpans.toLocation({ start: offset, end: offset + 1 });
  for (const doc of docs) {
    let exhausted: number | undefined;
    for (const error of doc.errors) {
      const location = fileSpans.toLocation({ start: error.pos[0], end: error.pos[1] });
      const code = YAML_ERROR_CODES[error.code] ?? 'yaml-syntax';
      if (code === 'duplicate-key') diagnostics.push(duplicateKey(location));
      else if (code === 'yaml-multiple-documents') diagnostics.push(multipleDocuments(location));
      else if (code === 'yaml-too-deep') exhausted ??= error.pos[0];
      else diagnostics.push({ code, severity: 'error', message: firstLine(error.message), location, related: [] });
    }
    if (exhausted !== undefined) {
      // `yaml` ran out of stack (once per level it unwound); the nodes it built show where the limit was crossed.
      const deep = checkNodeLimits(doc, true)[0];
      diagnostics.push(tooDeep(at(deep?.kind === 'depth' ? deep.offset : exhausted)));
    }
    if (doc.errors.length > 0) continue;
    const problems = checkNodeLimits(doc);
    for (const problem of problems) {
      if (problem.kind === 'duplicate') diagnostics.push(duplicateKey(fileSpans.toLocation({ start: problem.offset, end: problem.end })));
      else if (problem.kind === 'tag') diagnostics.push(unknownTag(at(tagStart(text, problem.offset)), problem.tag));
      else diagnostics.push(problem.kind === 'depth' ? tooDeep(at(problem.offset)) : tooManyEntries(at(problem.offset), problem.list));
    }
    if (problems.length > 0) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // Aliases can nest what the text does not: a chain of anchors each holding the previous one.
      diagnostics.push(error instanceof RangeError ? tooDeep(at(0)) : aliasBomb(at(0)));
      continue;
    }
    const entries = new Map<string, SpanEntry>();
    if (doc.contents) indexNode(doc.contents as YamlNode, '', entries, undefined);
    documents.push({ file, value, spans: new SpanIndex(file, () => ({ entries, lines: lineCounter })) });
  }
  return { documents, diagnostics: limitDiagnostics(diagnostics, MAX_PARSE_DIAGNOSTICS) };
}

type Range = { start: number; end: number };

function indexNode(node: YamlNode, pointer: string, entries: Map<string, SpanEntry>, key: Range | undefined): void {
  const range = node.range;
  if (range) entries.set(pointer, entry({ start: range[0], end: range[1] }, key));
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = pair.key as YamlNode | null;
      const keyText = isScalar(k) ? String(k.value) : String(k);
      const keySpan = k?.range ? { start: k.range[0], end: k.range[1] } : undefined;
      const child = pointer + '/' + keyText.replace(/~/g, '~0').replace(/\//g, '~1');
      const v = pair.value as YamlNode | null;
      if (v && !isAlias(v)) indexNode(v, child, entries, keySpan);
      else if (v?.range) entries.set(child, entry({ start: v.range[0], end: v.range[1] }, keySpan));
      else if (keySpan) entries.set(child, entry(keySpan, keySpan));
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const child = `${pointer}/${i}`;
      const n = item as YamlNode | null;
      if (n && !isAlias(n)) indexNode(n, child, entries, undefined);
      else if (n?.range) entries.set(child, entry({ start: n.range[0], end: n.range[1] }, undefined));
    });
  }
}

function entry(value: Range, key: Range | undefined): SpanEntry {
  return key ? { value, key } : { value };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  // yaml appends " at line L, column C" to messages; the location carries that already.
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}
