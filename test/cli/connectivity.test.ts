// `thrice connectivity` end to end: every netpol-analyzer oracle case through a spec that imports its manifests.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const casesDir = new URL('../../../shared/oracle/netpol/cases/', import.meta.url).pathname;
const cases = readdirSync(casesDir).sort();
const work = mkdtempSync(join(tmpdir(), 'thrice-connectivity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A spec beside a copy of the case's manifests: a spec may import only from its own directory tree. */
function specFor(name: string): string {
  const path = join(work, `${name}.yaml`);
  cpSync(join(casesDir, name, 'input'), join(work, name), { recursive: true });
  writeFileSync(path, `thrice: 1\nname: oracle\nclusters:\n  - name: c\n    manifests: ['${name}/*']\n`);
  return path;
}

describe('thrice connectivity', () => {
  it('covers all 21 oracle cases', () => expect(cases).toHaveLength(21));

  // netpol-analyzer analyses hostNetwork pods like any other pod; --host-network pod reproduces its reading.
  it.each(cases)('%s matches the oracle listing exactly', (name) => {
    const r = runCli(['connectivity', specFor(name), '--host-network', 'pod']);
    expect(r.status, r.stderr).toBe(0);
    const expected = readFileSync(join(casesDir, name, 'expected.txt'), 'utf8');
    expect(r.stdout.trimEnd()).toBe(expected.trimEnd());
  });

  it('prints JSON with --format json', () => {
    const r = runCli(['connectivity', specFor('minimal_test_in_ns'), '--format', 'json', '--host-network', 'pod']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.cluster).toBe('c');
    expect(json.connections.length).toBeGreaterThan(0);
    expect(json.connections[0]).toHaveProperty('src');
    expect(json.connections[0]).toHaveProperty('conn');
  });

  it('analyses the spec\'s own workloads and inline policies', () => {
    const spec = join(work, 'inline.yaml');
    writeFileSync(
      spec,
      [
        'thrice: 1',
        'name: inline',
        'clusters:',
        '  - name: prod',
        '    namespaces: [{name: shop}]',
        '    workloads:',
        '      - {name: web, namespace: shop, labels: {app: web}}',
        '      - {name: api, namespace: shop, labels: {app: api}, ports: [{port: 9090}]}',
        '    networkPolicies:',
        '      - metadata: {name: api-from-web, namespace: shop}',
        '        spec:',
        '          podSelector: {matchLabels: {app: api}}',
        '          ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 9090}]}]',
        '',
      ].join('\n'),
    );
    const r = runCli(['connectivity', spec]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('shop/web[Deployment] => shop/api[Deployment] : TCP 9090');
    expect(r.stdout).not.toContain('=> shop/api[Deployment] : All Connections');
  });

  it('reports a bad inline policy at its line', () => {
    const spec = join(work, 'bad-policy.yaml');
    writeFileSync(
      spec,
      'thrice: 1\nname: bad\nclusters:\n  - name: prod\n    networkPolicies:\n      - metadata: {name: p, namespace: shop}\n        spec:\n          podSelector: {}\n          ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/33}}]}]\n',
    );
    const r = runCli(['connectivity', spec]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad-policy\.yaml:9:\d+: error netpol-invalid-cidr/);
  });

  it('needs --cluster when the spec has several, and exits 2 for an unknown one', () => {
    const spec = join(work, 'two.yaml');
    writeFileSync(spec, 'thrice: 1\nname: two\nclusters:\n  - {name: a}\n  - {name: b}\n');
    expect(runCli(['connectivity', spec]).status).toBe(2);
    expect(runCli(['connectivity', spec, '--cluster', 'zz']).status).toBe(2);
    expect(runCli(['connectivity', spec, '--cluster', 'b']).status).toBe(0);
  });
});
