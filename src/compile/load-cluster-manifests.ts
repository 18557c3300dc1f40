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

/** What the pipeline may ask of its caller: the only way a stage reaches files. */
export interface CompilerHost {
  /** Files matching a glob relative to the spec's directory, sorted by path; an error text when unreadable. */
  readManifests(pattern: string): readonly SourceText[] | { readonly error: string };
}

export interface ClusterManifests {
  readonly files: readonly string[];
  readonly documents: readonly SourceDocument[];
  readonly objects: K8sObjects;
  readonly policies: readonly InlineNetworkPolicyIR[];
}

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
    const found = host ? host.readManifests(pattern) : { error: 'no file access in this context' };
    const problem = 'error' in found ? found.error : found.length === 0 ? 'matches no file' : undefined;
    if (problem) {
      report({ code: 'manifest-not-found', severity: 'error', message: `manifests pattern "${pattern}" ${problem}`, location: spans.locate(path), path: formatPath(path), related: [], hint: 'patterns are relative to the spec file' });
      return;
    }
    for (const source of found as readonly SourceText[]) {
      if (seen.has(source.file)) continue;
      seen.add(source.file);
      files.push(source.file);
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
