// Runs one analysis benchmark case in this process: check (validation, every gap check, every intent) plus the connectivity listing.
import { checkTopology } from '../src/compile/pipeline.js';
import { computeConnectivity } from '../src/policy/connectivity.js';
import { formatConnectivity } from '../src/policy/connectivity-listing.js';
import { clusterSpec } from './generate-cluster-spec.js';

const SIZES: Record<string, { pods: number; namespaces: number; policies: number }> = {
  'cluster-10k': { pods: 10000, namespaces: 500, policies: 2000 },
  'cluster-5k': { pods: 5000, namespaces: 250, policies: 1000 },
};
const name = process.argv[2] ?? '';
const size = SIZES[name];
if (!size) throw new Error(`unknown case ${name}`);
const bench = clusterSpec({ leaves: 64, nodes: 100, intents: 40, ...size });
const files = [...bench.manifests].map(([file, text]) => ({ file, text })).sort((a, b) => (a.file < b.file ? -1 : 1));
// An in-memory host: the benchmark measures thrice, not the disk (reading 500 files here takes ~0.1 s).
const host = { readManifests: (pattern: string) => (pattern === 'k8s/*.yaml' ? files : []) };
const started = performance.now();
const result = checkTopology({ spec: { file: `${name}.yaml`, text: bench.spec }, host });
const checked = performance.now();
const cluster = result.ir?.clusters[0];
if (!cluster) {
  console.error(JSON.stringify(result.diagnostics.filter((d) => d.severity === 'error').slice(0, 5), null, 2));
  process.exit(1);
}
const connectivity = computeConnectivity(cluster.policyModel, { hostNetwork: 'host' });
const listing = formatConnectivity(connectivity.connections);
const listed = performance.now();
process.stdout.write(
  JSON.stringify({
    case: name,
    pods: cluster.policyModel.pods.length,
    namespaces: cluster.namespaces.length,
    policies: cluster.policyModel.networkPolicies.length,
    intents: result.intents.length,
    paths: result.intents.reduce((n, i) => n + i.paths.length, 0),
    findings: result.diagnostics.length,
    listingLines: listing.split('\n').length - 1,
    checkMs: checked - started,
    connectivityMs: listed - checked,
    totalMs: listed - started,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
