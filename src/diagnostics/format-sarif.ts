// Prints diagnostics as a SARIF 2.1.0 log (one run) for code-scanning services such as GitHub's.
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CodeInfo, describeCode } from './code-catalog.js';
import { type Diagnostic, type Location, type Severity, sortDiagnostics } from './diagnostic.js';

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** Default tool page: the package page renders the README, whose code headings are the rule anchors. */
export const THRICE_INFORMATION_URI = 'https://www.npmjs.com/package/thrice';
/** The uriBaseId every artifact URI is relative to. */
export const SRCROOT = '%SRCROOT%';
/** partialFingerprints key; bump the version if the hashed fields ever change. */
export const FINGERPRINT_KEY = 'thriceFingerprint/v1';

export interface SarifFormatOptions {
  readonly toolVersion: string;
  /** Directory artifact URIs are made relative to (usually the repository root). */
  readonly baseDir: string;
  /** The ordered code catalog; rules are emitted for the codes actually used, in catalog order. */
  readonly rules: readonly CodeInfo[];
  /** Absolute URI of the README; `helpUri` is this plus `#<code>`. */
  readonly informationUri?: string;
  /** What relative `file` paths and `baseDir` are relative to; defaults to the process's directory. */
  readonly cwd?: string;
}

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

export function formatSarif(diagnostics: readonly Diagnostic[], options: SarifFormatOptions): string {
  const cwd = options.cwd ?? process.cwd();
  const baseDir = resolve(cwd, options.baseDir);
  const informationUri = options.informationUri ?? THRICE_INFORMATION_URI;
  const sorted = sortDiagnostics(diagnostics);
  const rules = usedRules(sorted, options.rules);
  const ruleIndex = new Map(rules.map((info, index) => [info.code, index]));
  const artifactLocation = (file: string) => toArtifactLocation(resolve(cwd, file), baseDir);
  const physicalLocation = (l: Location) => ({ artifactLocation: artifactLocation(l.file), region: toRegion(l) });
  const seen = new Map<string, number>();

  const results = sorted.map((d) => {
    const uri = d.location ? artifactLocation(d.location.file).uri : '';
    const hash = fingerprint(d.code, uri, d.path ?? d.message);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return {
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code)!,
      level: LEVEL[d.severity],
      message: { text: d.hint === undefined ? d.message : `${d.message}\nhint: ${d.hint}` },
      ...(d.location ? { locations: [{ physicalLocation: physicalLocation(d.location) }] } : {}),
      ...(d.related.length > 0
        ? {
            relatedLocations: d.related.map((r, i) => ({
              id: i + 1,
              physicalLocation: physicalLocation(r.location),
              message: { text: r.message },
            })),
          }
        : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: `${hash}:${occurrence}` },
    };
  });

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'thrice',
            informationUri,
            version: options.toolVersion,
            rules: rules.map((info) => toReportingDescriptor(info, informationUri)),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(baseDir) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** One descriptor per code used: catalog order first, then unregistered codes alphabetically. */
function usedRules(sorted: readonly Diagnostic[], catalog: readonly CodeInfo[]): CodeInfo[] {
  const used = new Map<string, Severity>();
  for (const d of sorted) if (!used.has(d.code)) used.set(d.code, d.severity);
  const rules: CodeInfo[] = [];
  const listed = new Set<string>();
  for (const info of catalog) {
    if (used.has(info.code) && !listed.has(info.code)) {
      rules.push(info);
      listed.add(info.code);
    }
  }
  const unknown = [...used]
    .filter(([code]) => !listed.has(code))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, severity]) => describeCode(code, catalog, severity));
  return [...rules, ...unknown];
}

function toReportingDescriptor(info: CodeInfo, informationUri: string) {
  const helpUri = helpUriFor(info, informationUri);
  return {
    id: info.code,
    shortDescription: { text: info.summary },
    fullDescription: { text: `${info.summary} See ${helpUri}` },
    helpUri,
    defaultConfiguration: { level: LEVEL[info.severity] },
  };
}

function helpUriFor(info: CodeInfo, informationUri: string): string {
  const docs = info.docs;
  if (docs !== undefined && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(docs)) return docs;
  const anchor = (docs ?? info.code).replace(/^#/, '');
  return `${informationUri.replace(/#.*$/, '')}#${encodeURIComponent(anchor)}`;
}

/** Relative POSIX URI under %SRCROOT% when inside baseDir, else an absolute file URI. */
function toArtifactLocation(absoluteFile: string, baseDir: string): { uri: string; uriBaseId?: string } {
  const rel = relative(baseDir, absoluteFile);
  if (rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) return { uri: pathToFileURL(absoluteFile).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : href + '/';
}

function toRegion(l: Location) {
  const endLine = Math.max(l.endLine, l.line);
  const endColumn = endLine === l.line ? Math.max(l.endColumn, l.column) : Math.max(1, l.endColumn);
  return { startLine: l.line, startColumn: l.column, endLine, endColumn };
}

/** Hash of what identifies a finding, never its line, so moving the YAML around keeps the alert. */
function fingerprint(code: string, uri: string, subject: string): string {
  return createHash('sha256').update(`${code}\0${uri}\0${subject}`).digest('hex').slice(0, 32);
}
