// The `thrice connectivity` use case: manifests in, connectivity listing (text and JSON) and diagnostics out.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadManifests } from '../k8s/load-manifests.js';
import type { SourceDocument } from '../source/parse-yaml.js';
import { computeConnectivity } from './connectivity.js';
import { connectivityJson, formatConnectivity, type ConnectionJson } from './connectivity-listing.js';
import type { PolicyEngineOptions } from './policy-engine.js';

export interface ConnectivityResult {
  /** The oracle-format listing; empty when the manifests have errors. */
  readonly listing: string;
  /** The same connections as JSON (see ConnectionJson); empty when the manifests have errors. */
  readonly json: ConnectionJson[];
  readonly diagnostics: Diagnostic[];
}

/** Reads the manifests; if they hold errors, stops there (later stages assume valid objects). */
export function connectivityFromManifests(docs: readonly SourceDocument[], options: PolicyEngineOptions = {}): ConnectivityResult {
  const loaded = loadManifests(docs);
  if (loaded.diagnostics.some((d) => d.severity === 'error')) {
    return { listing: '', json: [], diagnostics: loaded.diagnostics };
  }
  const connectivity = computeConnectivity(loaded.objects, options);
  return {
    listing: formatConnectivity(connectivity.connections),
    json: connectivityJson(connectivity.connections),
    diagnostics: [...loaded.diagnostics, ...connectivity.diagnostics],
  };
}
