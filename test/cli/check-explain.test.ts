// `thrice check` and `thrice explain` on the three-layer example: exit codes, JSON shapes, SARIF validity, golden explanations.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const root = new URL('../../', import.meta.url).pathname;
const spec = join(root, 'examples/three-layer.yaml');
const update = process.env.THRICE_UPDATE_GOLDEN === '1';
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule.default;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default;

describe('thrice check', () => {
  it('exits 1 on the example, whose nodes-not-to-db intent is violated through the spines', () => {
    const r = runCli(['check', spec, '--format', 'json'], root);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.intents.map((i: { name: string; expect: string; verdict: string; holds: boolean }) => [i.name, i.expect, i.verdict, i.holds])).toEqual([
      ['web-not-to-db', 'deny', 'deny', true],
      ['internet-reaches-ingress', 'allow', 'allow', true],
      ['web-reaches-api', 'allow', 'allow', true],
      ['batch-peers', 'allow', 'allow', true],
      ['nodes-not-to-db', 'deny', 'allow', false],
    ]);
    const violated = out.diagnostics.find((d: { code: string }) => d.code === 'intent-violated');
    expect(violated.location).toMatchObject({ file: 'examples/three-layer.yaml', line: 144, column: 5 });
    const bypass = out.diagnostics.find((d: { code: string }) => d.code === 'inner-address-at-encapsulated-hop');
    expect(bypass.location).toMatchObject({ line: 106, column: 30 });
    for (const d of out.diagnostics) expect(d).toHaveProperty('location.line');
  });

  it('prints text with the intents table, and SARIF 2.1.0 that validates against the schema', () => {
    const text = runCli(['check', spec], root);
    expect(text.stdout).toMatch(/nodes-not-to-db\s+deny\s+allow\s+VIOLATED/);
    expect(text.stderr).toMatch(/examples\/three-layer\.yaml:144:5: error intent-violated/);
    const sarif = JSON.parse(runCli(['check', spec, '--format', 'sarif'], root).stdout);
    const schema = JSON.parse(readFileSync(join(root, 'test/diagnostics/sarif-2.1.0.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'intent-violated');
    expect(result.locations[0].physicalLocation.region.startLine).toBe(144);
    expect(result.relatedLocations.length).toBeGreaterThan(0);
  });

  it('exits 0 on a spec whose intents hold and has no error findings', () => {
    expect(runCli(['check', join(root, 'examples/two-tier.yaml')], root).status).toBe(0);
  });
});

/**
 * Golden explanations: each `test/golden/explain/<name>.args` holds the spec (relative to the repo) on its first line
 * and the `explain` arguments on its second; `<name>.txt` is the expected output (THRICE_UPDATE_GOLDEN=1 rewrites it).
 */
const explainDir = join(root, 'test/golden/explain');
const explanations: [string, string, string[]][] = readdirSync(explainDir)
  .filter((f) => f.endsWith('.args'))
  .sort()
  .map((f) => {
    const [specLine = '', argLine = ''] = readFileSync(join(explainDir, f), 'utf8').split('\n');
    return [f.replace(/\.args$/, ''), join(root, specLine.trim()), argLine.trim().split(/\s+/)];
  });

describe('thrice explain', () => {
  it.each(explanations)('%s matches its golden explanation', (name, specPath, args) => {
    const r = runCli(['explain', specPath, ...args], root);
    expect(r.status, r.stderr).toBe(0);
    const golden = join(explainDir, `${name}.txt`);
    if (update) {
            writeFileSync(golden, r.stdout);
    }
    expect(existsSync(golden)).toBe(true);
    expect(r.stdout).toBe(readFileSync(golden, 'utf8'));
  });

  it('shows the spine rule bypassed because the spines see VXLAN', () => {
    const r = runCli(['explain', spec, ...(explanations.find(([n]) => n === 'nodes-to-db')?.[2] ?? [])], root);
    expect(r.stdout).toContain('bypassed: db-acl rule 1');
    expect(r.stdout).toContain('(VPC VXLAN, VNI 50001)');
  });

  it('prints JSON paths and rejects bad endpoints with exit 2', () => {
    const json = JSON.parse(runCli(['explain', spec, '--from', 'vm:k8s-1', '--to', 'vm:pg-1', '--port', '5432', '--format', 'json'], root).stdout);
    expect(json.paths[0]).toMatchObject({ kind: 'cross-leaf', verdict: 'allow' });
    expect(runCli(['explain', spec, '--from', 'vm:nope', '--to', 'vm:pg-1', '--port', '1'], root).status).toBe(2);
    expect(runCli(['explain', spec, '--from', 'nonsense', '--to', 'vm:pg-1', '--port', '1'], root).status).toBe(2);
    expect(runCli(['explain', spec, '--from', 'vm:k8s-1', '--to', 'vm:pg-1'], root).status).toBe(2);
  });
});
