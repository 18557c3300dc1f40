// Malformed manifests give diagnostics with stable codes located at the offending value (code, line, column asserted).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/k8s/load-manifests.js';
import { connectivityFromManifests } from '../../src/policy/connectivity-from-manifests.js';
import { parseYamlStream } from '../../src/source/parse-yaml.js';

const policy = (spec: string): string => `kind: NetworkPolicy\nmetadata: {name: p, namespace: a}\nspec:\n${spec}`;

/** [case, manifest text, code, severity, line, column]; the position is where the value that is wrong starts. */
const cases: [string, string, string, string, number, number][] = [
  ['object without kind', 'apiVersion: v1\nmetadata: {name: x}\n', 'k8s-invalid-object', 'error', 1, 1],
  ['document that is not a mapping', '- kind: Pod\n', 'k8s-invalid-object', 'error', 1, 1],
  ['object without metadata.name', 'kind: Pod\nmetadata:\n  namespace: a\n', 'k8s-invalid-object', 'error', 3, 3],
  ['label value that is a number', 'kind: Pod\nmetadata:\n  name: x\n  labels:\n    version: 2\n', 'k8s-invalid-field', 'error', 5, 14],
  ['label value with spaces', 'kind: Namespace\nmetadata:\n  name: x\n  labels: {team: "a b"}\n', 'k8s-invalid-label', 'error', 4, 18],
  ['replicas that is a string', 'kind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: "3"\n', 'k8s-invalid-field', 'error', 4, 13],
  ['container port out of range', 'kind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n  - name: c\n    ports:\n    - containerPort: 70000\n', 'k8s-invalid-port', 'error', 7, 22],
  ['list items that are not a list', 'kind: List\nitems: {a: 1}\n', 'k8s-invalid-object', 'error', 2, 8],
  ['selector operator unknown', policy('  podSelector:\n    matchExpressions:\n    - {key: app, operator: Near, values: [x]}\n'), 'k8s-invalid-selector', 'error', 6, 28],
  ['In without values', policy('  podSelector:\n    matchExpressions:\n    - key: app\n      operator: In\n'), 'k8s-invalid-selector', 'error', 6, 7],
  ['Exists with values', policy('  podSelector:\n    matchExpressions:\n    - {key: app, operator: Exists, values: [x]}\n'), 'k8s-invalid-selector', 'error', 6, 44],
  ['podSelector that is a list', policy('  podSelector: [app]\n'), 'k8s-invalid-selector', 'error', 4, 16],
  ['matchLabels value that is a boolean', policy('  podSelector:\n    matchLabels: {enabled: true}\n'), 'k8s-invalid-field', 'error', 5, 28],
  ['invalid cidr', policy('  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/33}\n'), 'netpol-invalid-cidr', 'error', 7, 23],
  ['ipBlock without cidr', policy('  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock: {except: [10.0.0.0/8]}\n'), 'netpol-invalid-cidr', 'error', 7, 16],
  ['except outside its cidr', policy('  podSelector: {}\n  egress:\n  - to:\n    - ipBlock:\n        cidr: 10.0.0.0/16\n        except:\n        - 10.0.0.0/24\n        - 10.1.0.0/24\n'), 'netpol-except-outside-cidr', 'error', 11, 11],
  ['except equal to its cidr', policy('  podSelector: {}\n  egress:\n  - to:\n    - ipBlock: {cidr: 10.0.0.0/16, except: [10.0.0.0/16]}\n'), 'netpol-except-outside-cidr', 'error', 7, 45],
  ['unknown policy type', policy('  podSelector: {}\n  policyTypes: [Ingress, Outgress]\n'), 'netpol-invalid-policy-type', 'error', 5, 26],
  ['port out of range', policy('  podSelector: {}\n  ingress:\n  - ports:\n    - port: 70000\n'), 'netpol-invalid-port', 'error', 7, 13],
  ['port number written as a string', policy('  podSelector: {}\n  ingress:\n  - ports:\n    - port: "80"\n'), 'netpol-invalid-port', 'error', 7, 13],
  ['unknown protocol', policy('  podSelector: {}\n  ingress:\n  - ports:\n    - {port: 80, protocol: ICMP}\n'), 'netpol-invalid-protocol', 'error', 7, 28],
  ['endPort below port', policy('  podSelector: {}\n  ingress:\n  - ports:\n    - {port: 90, endPort: 80}\n'), 'netpol-invalid-end-port', 'error', 7, 27],
  ['endPort after a named port', policy('  podSelector: {}\n  ingress:\n  - ports:\n    - {port: http, endPort: 80}\n'), 'netpol-invalid-end-port', 'error', 7, 29],
  ['peer with nothing in it', policy('  podSelector: {}\n  ingress:\n  - from:\n    - {}\n'), 'netpol-empty-peer', 'error', 7, 7],
  ['ipBlock combined with a selector', policy('  podSelector: {}\n  ingress:\n  - from:\n    - podSelector: {}\n      ipBlock: {cidr: 10.0.0.0/8}\n'), 'netpol-invalid-peer', 'error', 8, 16],
  ['NetworkPolicy defined twice', policy('  podSelector: {}\n') + '---\n' + policy('  podSelector: {}\n'), 'k8s-duplicate-object', 'error', 6, 1],
  ['Pod defined twice', 'kind: Pod\nmetadata: {name: x}\n---\nkind: Pod\nmetadata: {name: x}\n', 'k8s-duplicate-object', 'warning', 4, 1],
  ['missing podSelector', policy('  ingress: []\n'), 'netpol-missing-pod-selector', 'warning', 4, 3],
  ['IPv6 ipBlock', policy('  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock: {cidr: "fd00::/8"}\n'), 'netpol-ipv6-ignored', 'info', 7, 23],
  ['container port without containerPort', 'kind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n  - name: c\n    ports:\n    - {name: web, containerport: 80}\n', 'k8s-invalid-port', 'warning', 7, 7],
];

describe('manifest diagnostics', () => {
  it.each(cases)('%s', (_name, text, code, severity, line, column) => {
    const parsed = parseYamlStream(text, 'bad.yaml');
    expect(parsed.diagnostics).toEqual([]);
    const { diagnostics } = loadManifests(parsed.documents);
    expect(diagnostics.map((d) => [d.code, d.severity, d.location?.file, d.location?.line, d.location?.column])).toEqual([
      [code, severity, 'bad.yaml', line, column],
    ]);
    expect(diagnostics[0]!.path).toBeTypeOf('string');
  });

  it('never throws on arbitrary documents', () => {
    for (const text of ['42', '"x"', 'null', 'kind: 7', 'kind: Pod\nmetadata: 5', 'kind: NetworkPolicy\nmetadata: {name: p}\nspec: {ingress: 5}', 'kind: PodList\nitems: [1, null]']) {
      const parsed = parseYamlStream(text, 'x.yaml');
      expect(() => loadManifests(parsed.documents)).not.toThrow();
    }
  });

  it('stops before analysis when the manifests have errors', () => {
    const parsed = parseYamlStream('kind: Pod\nmetadata: {name: x}\n---\n' + policy('  podSelector: {}\n  policyTypes: [Sideways]\n'), 'bad.yaml');
    const result = connectivityFromManifests(parsed.documents);
    expect(result.listing).toBe('');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['netpol-invalid-policy-type']);
  });

  it('warns that a named port in an egress rule cannot match external addresses', () => {
    const text = 'kind: Pod\nmetadata: {name: x, namespace: a}\n---\n' + policy('  podSelector: {}\n  egress:\n  - to:\n    - ipBlock: {cidr: 0.0.0.0/0}\n    ports:\n    - port: dns\n');
    const result = connectivityFromManifests(parseYamlStream(text, 'w.yaml').documents);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.location?.line, d.location?.column])).toEqual([['netpol-named-port-external', 'warning', 9, 5]]);
    expect(result.listing).toBe('');
  });
});

describe('diagnostic codes', () => {
  it('every code the k8s reader and the policy engine emit is asserted by some test', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const read = (dir: string): string =>
      readdirSync(join(root, dir))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => readFileSync(join(root, dir, f), 'utf8'))
        .join('\n');
    const sources = read('src/k8s') + read('src/policy');
    const tests = read('test/k8s') + read('test/policy');
    const codes = [...new Set([...sources.matchAll(/'((?:k8s|netpol)-[a-z0-9-]+)'/g)].map((m) => m[1]!))];
    expect(codes.length).toBeGreaterThan(15);
    // Asserted means written as an expected value: followed by a comma or closing bracket in a test.
    const untested = codes.filter((code) => !new RegExp(`'${code}'\\s*[,\\]]`).test(tests));
    expect(untested).toEqual([]);
  });
});
