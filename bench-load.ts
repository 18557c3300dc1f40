import { loadManifests } from './src/k8s/load-manifests.js';
import { parseYamlStream } from './src/source/parse-yaml.js';
import { readFileSync } from 'node:fs';
const text = readFileSync('/tmp/bench.yaml', 'utf8');
const parsed = parseYamlStream(text, 'bench.yaml');
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const loaded = loadManifests(parsed.documents);
  console.log('load', (performance.now() - t).toFixed(0), 'ms', loaded.objects.pods.length);
}
