// The `thrice connectivity` use case: manifests in, connectivity listing (text and JSON) and diagnostics out.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadManifests } from '../k8s/load-manifests.js';
import type { SourceDocument } from '../source/parse-yaml.js';
import { type Connection, computeConnectivity } from './connectivity.js';
import { type ConnectionJson, connectivityJson, formatConnectivity } from './connectivity-listing.js';
import type { PolicyEngineOptions } from './policy-engine.js';

export interface ConnectivityResult {
  /** Allowed connections, sorted as listed; empty when the manifests have errors. */
  readonly connections: readonly Connection[];
  /** The oracle-format listing, one `src => dst : conns` line each (computed on first use). */
  readonly listing: string;
  /** The same connections as JSON entries, see ConnectionJson (computed on first use). */
  readonly json: ConnectionJson[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Reads the manifests; if they hold errors, stops there, since the analysis assumes valid objects.
 * Large clusters can have millions of connections, so each output form is only built when asked for.
 */
export function connectivityFromManifests(docs: readonly SourceDocument[], options: PolicyEngineOptions = {}): ConnectivityResult {
  const loaded = loadManifests(docs);
  if (loaded.diagnostics.some((d) => d.severity === 'error')) return lazyResult([], loaded.diagnostics);
  const connectivity = computeConnectivity(loaded.objects, options);
  return lazyResult(connectivity.connections, [...loaded.diagnostics, ...connectivity.diagnostics]);
}

function lazyResult(connections: readonly Connection[], diagnostics: Diagnostic[]): ConnectivityResult {
  let listing: string | undefined;
  let json: ConnectionJson[] | undefined;
  return {
    connections,
    get listing() {
      return (listing ??= formatConnectivity(connections));
    },
    get json() {
      return (json ??= connectivityJson(connections));
    },
    diagnostics,
  };
}
