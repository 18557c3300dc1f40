// Reads a cluster's imported manifests (through the compiler host) into typed objects and the raw NetworkPolicies.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DataPath } from '../source/data-path.js';
import type { SourceDocument } from '../source/parse-yaml.js';
import type { SpanIndex } from '../source/span-index.js';
import type { K8sObjects } from '../k8s/k8s-objects.js';
import type { InlineNetworkPolicyIR } from '../ir/cluster-ir.js';
import { parseYamlStream } from '../source/parse-yaml.js';
import { loadManifests } from '../k8s/load-manifests.js';
import { ManifestContext } from '../k8s/manifest-context.js';
import { manifestItems } from '../k8s/manifest-items.js';
import { formatPath } from '../source/data-path.js';
import type { SourceText } from '../source/source-text.js';

export type { SourceText };

/** A manifest file the host accepted: `file` names it in diagnostics, `path` (relative to the spec) in the IR. */
export interface ManifestText extends SourceText {
  readonly path?: string;
}

/** Why a pattern gave no files: `code` defaults to manifest-not-found. */
export interface ManifestReadError {
  readonly error: string;
  readonly code?: 'manifest-not-found' | 'manifest-outside-project' | 'manifest-unreadable';
}

export type ManifestRead = readonly ManifestText[] | ManifestReadError;

/** What the pipeline may ask of its caller: the only way a stage reaches files. */
export interface CompilerHost {
  /** Files matching a glob relative to the spec's directory, sorted by path; an error when refused or unreadable. */
  readManifests(pattern: string): ManifestRead;
  /** A secret file relative to the spec's directory, under the same rules as manifests; its text is never shown. */
  readSecretFile?(path: string): SecretRead;
  /** An environment variable of the compiling process (absent: none is readable). */
  readEnv?(name: string): string | undefined;
}

/** A secret file's text, or why it was not read. */
export type SecretRead = { readonly text: string } | { readonly error: string; readonly code: 'bgp-password-missing' | 'bgp-password-outside-project' | 'bgp-password-invalid' };

export interface ClusterManifests {
  readonly files: readonly string[];
  readonly documents: readonly SourceDocument[];
  readonly objects: K8sObjects;
  readonly policies: readonly InlineNetworkPolicyIR[];
}

const HINTS: Record<NonNullable<ManifestReadError['code']>, string> = {
  'manifest-not-found': 'patterns are relative to the spec file',
  'manifest-outside-project': "manifests must lie inside the spec's directory tree; copy the file there instead of linking to it",
  'manifest-unreadable': 'manifests must be regular files within the input size limit (--max-input-size)',
};

export function loadClusterManifests(
  patterns: readonly string[],
  patternPaths: readonly DataPath[],
  host: CompilerHost | undefined,
  spans: SpanIndex,
  report: (d: Diagnostic) => void,
): ClusterManifests {
  const files: string[] = [];
  const documents: SourceDocument[] = [];
  const seen = new Set<string>();
  patterns.forEach((pattern, i) => {
    const path = patternPaths[i] ?? [];
    const found: ManifestRead = host ? host.readManifests(pattern) : { error: 'cannot be read: no file access in this context' };
    const refused: ManifestReadError | undefined = 'error' in found ? found : found.length === 0 ? { error: 'matches no file' } : undefined;
    if (refused) {
      const code = refused.code ?? 'manifest-not-found';
      report({ code, severity: 'error', message: `manifests pattern "${pattern}" ${refused.error}`, location: spans.locate(path), path: formatPath(path), related: [], hint: HINTS[code] });
      return;
    }
    for (const source of found as readonly ManifestText[]) {
      if (seen.has(source.file)) continue;
      seen.add(source.file);
      files.push(source.path ?? source.file);
      const parsed = parseYamlStream(source.text, source.file);
      parsed.diagnostics.forEach(report);
      documents.push(...parsed.documents);
    }
  });
  const loaded = loadManifests(documents);
  loaded.diagnostics.forEach(report);
  const policies: InlineNetworkPolicyIR[] = [];
  for (const doc of documents) {
    const ctx = new ManifestContext(doc, []);
    for (const item of manifestItems(ctx, doc.value)) {
      if (item.kind !== 'NetworkPolicy') continue;
      const meta = (item.object['metadata'] ?? {}) as { name?: unknown; namespace?: unknown };
      if (typeof meta.name !== 'string') continue;
      const namespace = typeof meta.namespace === 'string' ? meta.namespace : 'default';
      policies.push({
        name: meta.name,
        namespace,
        object: { ...item.object, apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { ...(item.object['metadata'] as object), namespace } },
        origin: item.path,
      });
    }
  }
  return { files: files.sort(), documents, objects: loaded.objects, policies };
}
