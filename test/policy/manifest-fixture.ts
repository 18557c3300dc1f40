// Test helper: runs `thrice connectivity` logic on inline YAML and returns the listing as lines.
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { connectivityFromManifests } from '../../src/policy/connectivity-from-manifests.js';
import type { PolicyEngineOptions } from '../../src/policy/policy-engine.js';
import { parseYamlStream } from '../../src/source/parse-yaml.js';

export function listing(yaml: string, options: PolicyEngineOptions = {}): { lines: string[]; diagnostics: Diagnostic[]; json: unknown } {
  const parsed = parseYamlStream(yaml, 'manifests.yaml');
  if (parsed.diagnostics.length > 0) throw new Error(`fixture does not parse: ${parsed.diagnostics[0]!.message}`);
  const result = connectivityFromManifests(parsed.documents, options);
  return { lines: result.listing.split('\n').filter((l) => l !== ''), diagnostics: result.diagnostics, json: result.json };
}

/** A bare pod; `extra` is spliced into its spec (ports, hostNetwork). */
export function pod(namespace: string, name: string, labels: Record<string, string>, extra = ''): string {
  const labelLines = Object.entries(labels)
    .map(([k, v]) => `    ${k}: "${v}"`)
    .join('\n');
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${namespace}
  labels:
${labelLines || '    {}'}
spec:
  containers:
  - name: main
    image: x
${extra}
---
`;
}
