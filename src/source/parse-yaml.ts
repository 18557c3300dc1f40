// Parses YAML text into plain values plus a span index, reporting syntax errors, duplicate keys and alias bombs.
import { LineCounter, parseAllDocuments, parseDocument, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { SpanIndex } from './span-index.js';

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

/** Parses a single-document YAML file (the topology spec, a lock file). */
export function parseYamlFile(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  return convertDocuments([doc], text, file, lineCounter);
}

/** Parses a multi-document YAML stream (Kubernetes manifests). JSON is YAML, so it is read here too. */
export function parseYamlStream(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  if (!Array.isArray(docs)) {
    // An empty stream; parseAllDocuments returns an EmptyStream object.
    return { documents: [], diagnostics: [] };
  }
  return convertDocuments(docs, text, file, lineCounter);
}

function convertDocuments(docs: Document[], text: string, file: string, lineCounter: LineCounter): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const documents: SourceDocument[] = [];
  const spans0 = new SpanIndex(file, lineCounter);
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
        location: spans0.toLocation({ start, end }),
        related: [],
        hint: duplicate ? 'YAML mappings keep one value per key; remove or rename one of them' : undefined,
      });
    }
    if (failed) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      diagnostics.push({
        code: 'yaml-alias-bomb',
        severity: 'error',
        message: `aliases expand too often (more than ${MAX_ALIAS_COUNT} times); refusing to expand`,
        location: spans0.toLocation({ start: 0, end: 0 }),
        related: [],
        hint: 'write the repeated values out, or use fewer nested aliases',
      });
      void error;
      continue;
    }
    const spans = new SpanIndex(file, lineCounter);
    if (doc.contents) indexNode(doc.contents as YamlNode, '', spans, undefined);
    documents.push({ file, value, spans });
  }
  void text;
  return { documents, diagnostics };
}

function indexNode(node: YamlNode, pointer: string, spans: SpanIndex, key: { start: number; end: number } | undefined): void {
  const range = node.range;
  if (range) spans.record(pointer, { start: range[0], end: range[1] }, key);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = pair.key as YamlNode | null;
      const keyText = isScalar(k) ? String(k.value) : String(k);
      const keySpan = k?.range ? { start: k.range[0], end: k.range[1] } : undefined;
      const child = pointer + '/' + keyText.replace(/~/g, '~0').replace(/\//g, '~1');
      const v = pair.value as YamlNode | null;
      if (v && !isAlias(v)) indexNode(v, child, spans, keySpan);
      else if (v?.range) spans.record(child, { start: v.range[0], end: v.range[1] }, keySpan);
      else if (keySpan) spans.record(child, keySpan, keySpan);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const child = `${pointer}/${i}`;
      const n = item as YamlNode | null;
      if (n && !isAlias(n)) indexNode(n, child, spans, undefined);
      else if (n?.range) spans.record(child, { start: n.range[0], end: n.range[1] });
    });
  }
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  // yaml appends " at line L, column C" to messages; the location carries that already.
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}
