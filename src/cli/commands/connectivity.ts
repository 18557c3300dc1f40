// `thrice connectivity <spec>`: the allowed connections of a cluster's pods, in netpol-analyzer's listing format or JSON.
import { buildTopology } from '../../compile/pipeline.js';
import { computeConnectivity } from '../../policy/connectivity.js';
import { connectivityJson, formatConnectivity } from '../../policy/connectivity-listing.js';
import { createReporter } from '../report.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { type InputOptions, readInputs } from './read-inputs.js';

export interface ConnectivityOptions extends InputOptions {
  readonly cluster?: string;
  readonly format: 'text' | 'json';
  readonly hostNetwork: 'host' | 'pod';
}

export function runConnectivity(specPath: string, opts: ConnectivityOptions): number {
  const read = readInputs(specPath, opts);
  if (!read.ok) return EXIT_USAGE;
  const result = buildTopology(read.input);
  const reporter = createReporter('text');
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !result.ir) {
    reporter.diagnostics(result.diagnostics, read.sources);
    return EXIT_ERRORS;
  }
  const clusters = result.ir.clusters;
  const cluster = opts.cluster === undefined ? (clusters.length === 1 ? clusters[0] : undefined) : clusters.find((c) => c.name === opts.cluster);
  if (!cluster) {
    const names = clusters.map((c) => c.name).join(', ') || 'none';
    const why = opts.cluster === undefined ? `the spec has ${clusters.length} clusters; choose one with --cluster` : `no cluster named "${opts.cluster}"`;
    process.stderr.write(`thrice: ${why} (clusters: ${names})\n`);
    return EXIT_USAGE;
  }
  const connectivity = computeConnectivity(cluster.policyModel, { hostNetwork: opts.hostNetwork });
  const diagnostics = [...result.diagnostics, ...connectivity.diagnostics];
  reporter.diagnostics(diagnostics, read.sources);
  if (opts.format === 'json') {
    process.stdout.write(JSON.stringify({ cluster: cluster.name, connections: connectivityJson(connectivity.connections) }, null, 2) + '\n');
  } else {
    const listing = formatConnectivity(connectivity.connections);
    process.stdout.write(listing.length === 0 || listing.endsWith('\n') ? listing : listing + '\n');
  }
  return diagnostics.some((d) => d.severity === 'error') ? EXIT_ERRORS : EXIT_OK;
}
