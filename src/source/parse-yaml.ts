// Parses YAML text into plain values plus a span index, reporting syntax errors, duplicate keys and alias bombs.
import { LineCounter, parseAllDocuments, parseDocument, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { CORE_SCHEMA, load as fastLoad, loadAll as fastLoadAll } from 'js-yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type SpanEntry, SpanIndex, type SpanTable } from './span-index.js';

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

/** More alias expansions than this in one document is treated as a "billion laughs" attack. */
const MAX_ALIAS_COUNT = 100;

/** An anchor (`&name`) outside a quoted word; documents with anchors take the alias-counting parser. */
const ANCHOR = /(?:^|[\s,[{])&[^\s,[\]{}]/m;

const OPTIONS = { uniqueKeys: true, prettyErrors: false, strict: true } as const;

/**
 * Parses a single-document YAML file (the topology spec, a lock file).
 *
 * Two parsers, one meaning: js-yaml (YAML 1.2 core schema) reads clean, anchor-free files about seven
 * times faster; `yaml` keeps source positions and counts alias expansions. Clean files get values from
 * js-yaml and positions from `yaml` only when a diagnostic asks; anything js-yaml rejects, and any
 * file with anchors, goes straight through `yaml`, whose errors are the ones reported.
 */
export function parseYamlFile(text: string, file: string): ParseResult {
  if (!ANCHOR.test(text)) {
    let value: unknown;
    let ok = true;
    try {
      value = fastLoad(text, { schema: CORE_SCHEMA, filename: file });
    } catch {
      ok = false;
    }
    if (ok) {
      const spans = new SpanIndex(file, () => spanTableOf(text));
      return { documents: [{ file, value: value ?? null, spans }], diagnostics: [] };
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, ...OPTIONS });
  return convertDocuments([doc], file, lineCounter);
}

/** Parses a multi-document YAML stream (Kubernetes manifests), with the same two-parser path as parseYamlFile. JSON is YAML, so it is read here too. */
export function parseYamlStream(text: string, file: string): ParseResult {
  if (!ANCHOR.test(text)) {
    const values: unknown[] = [];
    let ok = true;
    try {
      fastLoadAll(text, (doc) => values.push(doc), { schema: CORE_SCHEMA, filename: file });
    } catch {
      ok = false;
    }
    if (ok) {
      let tables: SpanTable[] | undefined;
      const tableOf = (i: number): SpanTable => {
        tables ??= streamSpanTables(text);
        // js-yaml reads a comment-only stream as one empty document where yaml reads none.
        return tables[i] ?? { entries: new Map(), lines: null };
      };
      const documents = values.map((value, i) => ({ file, value: value ?? null, spans: new SpanIndex(file, () => tableOf(i)) }));
      return { documents, diagnostics: [] };
    }
  }
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, ...OPTIONS });
  if (!Array.isArray(docs)) {
    // An empty stream; parseAllDocuments returns an EmptyStream object.
    return { documents: [], diagnostics: [] };
  }
  return convertDocuments(docs, file, lineCounter);
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

function convertDocuments(docs: Document[], file: string, lineCounter: LineCounter): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const documents: SourceDocument[] = [];
  const fileSpans = new SpanIndex(file, () => ({ entries: new Map(), lines: lineCounter }));
  for (const doc of docs) {
    let failed = false;
    for (const error of doc.errors) {
      failed = true;
      const duplicate = error.code === 'DUPLICATE_KEY';
      const [start, end] = error.pos;
      diagnostics.push({
        code: duplicate ? 'duplicate-key' : 'yaml-syntax',
        severity: 'error',
        message: duplicate ? 'this key appears twice in the same mapping' : firstLine(error.message),
        location: fileSpans.toLocation({ start, end }),
        related: [],
        hint: duplicate ? 'YAML mappings keep one value per key; remove or rename one of them' : undefined,
      });
    }
    if (failed) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      diagnostics.push({
        code: 'yaml-alias-bomb',
        severity: 'error',
        message: `aliases expand too often (more than ${MAX_ALIAS_COUNT} times); refusing to expand`,
        location: fileSpans.toLocation({ start: 0, end: 0 }),
        related: [],
        hint: 'write the repeated values out, or use fewer nested aliases',
      });
      continue;
    }
    const entries = new Map<string, SpanEntry>();
    if (doc.contents) indexNode(doc.contents as YamlNode, '', entries, undefined);
    documents.push({ file, value, spans: new SpanIndex(file, () => ({ entries, lines: lineCounter })) });
  }
  return { documents, diagnostics };
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
