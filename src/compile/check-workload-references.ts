// After manifests are read: intent endpoints naming a workload of an importing cluster must name one of its workloads or pods.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Spec } from '../spec/spec-types.js';
import type { ClusterIR } from '../ir/cluster-ir.js';
import type { SpanIndex } from '../source/span-index.js';
import { formatPath } from '../source/data-path.js';

export function checkWorkloadReferences(spec: Spec, clusters: readonly ClusterIR[], spans: SpanIndex, report: (d: Diagnostic) => void): void {
  const known = new Map<string, Set<string>>();
  for (const c of clusters) {
    const names = new Set<string>();
    for (const w of c.policyModel.workloads) names.add(`${w.namespace}/${w.name}`);
    for (const p of c.policyModel.pods) names.add(`${p.namespace}/${p.owner?.name ?? p.name}`);
    known.set(c.name, names);
  }
  (spec.intents ?? []).forEach((intent, i) => {
    for (const side of ['from', 'to'] as const) {
      const endpoint = intent[side];
      if (!('workload' in endpoint)) continue;
      const [cluster, ...rest] = endpoint.workload.split('/');
      const names = known.get(cluster ?? '');
      if (!names || names.has(rest.join('/'))) continue;
      const path = ['intents', i, side, 'workload'];
      report({
        code: 'unknown-reference',
        severity: 'error',
        message: `cluster ${cluster} has no workload or pod named "${rest.join('/')}" in its spec or its manifests`,
        location: spans.locate(path),
        path: formatPath(path),
        related: [],
      });
    }
  });
}
