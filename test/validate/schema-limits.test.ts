// Issue 8: every schema list has a maxItems, an over-long list is found before ajv runs, and schema errors are capped.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/source/parse-yaml.js';
import type { SourceDocument } from '../../src/source/parse-yaml.js';
import { SpanIndex } from '../../src/source/span-index.js';
import { validateAgainstSchema } from '../../src/validate/schema-validate.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/thrice.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const HEAD = 'thrice: 1\nname: dc1\n';

function doc(text: string): SourceDocument {
  const parsed = parseYamlFile(text, 'spec.yaml');
  expect(parsed.diagnostics).toEqual([]);
  return parsed.documents[0] as SourceDocument;
}
const found = (text: string) => validateAgainstSchema(doc(text)).map((d) => `${d.code} ${d.location?.line}:${d.location?.column} ${d.path ?? ''}`);
const leaves = (n: number, item = '{name: l1}') => `${HEAD}fabric:\n  loopbacks: 10.255.0.0/16\n  asn: {spine: 65000, leaf: 65100-65999}\n  spines: 2\n  leaves:\n${`    - ${item}\n`.repeat(n)}`;

describe('list limits', () => {
  it('every list in the schema has a maxItems', () => {
    const unbounded: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${where}/${i}`));
      if (node === null || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      const list = n['type'] === 'array' || (Array.isArray(n['type']) && n['type'].includes('array')) || 'items' in n;
      if (list && typeof n['maxItems'] !== 'number') unbounded.push(where);
      for (const [key, value] of Object.entries(n)) if (!['const', 'enum', 'default', 'examples'].includes(key)) visit(value, `${where}/${key}`);
    };
    visit(schema, '#');
    expect(unbounded).toEqual([]);
  });

  it('a list over its maxItems is one schema-range error at the list, even when every item is invalid too', () => {
    // Duplicate names are the semantic stage's business; the schema stage only counts.
    expect(found(leaves(1024))).toEqual([]);
    expect(found(leaves(1025, '7'))).toEqual(['schema-range 8:5 fabric.leaves']);
  });

  it('finds nested lists, in document order', () => {
    const groups = `[${Array.from({ length: 65 }, (_, i) => `g${i}`).join(', ')}]`;
    const text = `${HEAD}vpcs:\n  - name: a\n    vni: 1\n    cidr: 10.0.0.0/16\n    subnets: []\n    vms:\n      - {name: v, host: h, subnet: s, securityGroups: ${groups}}\n  - name: b\n    vni: 2\n    cidr: 10.1.0.0/16\n    subnets: [${'{}, '.repeat(4094)}{}]\n`;
    expect(found(text)).toEqual(['schema-range 9:55 vpcs[0].vms[0].securityGroups']);
  });

  it('locates an over-long list from the fast parser without the position-tracking parse', () => {
    const parsed = doc(leaves(2000));
    const starts = (parsed.spans as unknown as { listStarts: unknown }).listStarts;
    const noTable = new SpanIndex('spec.yaml', () => {
      throw new Error('the position table was built');
    }, starts as ConstructorParameters<typeof SpanIndex>[2]);
    const diagnostics = validateAgainstSchema({ ...parsed, spans: noTable });
    expect(diagnostics.map((d) => `${d.code} ${d.location?.line}:${d.location?.column}`)).toEqual(['schema-range 8:5']);
  });
});

describe('diagnostic flood', () => {
  it('reports the first 100 schema errors and one note counting the rest', () => {
    const diagnostics = validateAgainstSchema(doc(`${HEAD}intents: [${'1, '.repeat(4999)}1]\n`));
    expect(diagnostics).toHaveLength(101);
    expect(diagnostics.filter((d) => d.code === 'schema-type')).toHaveLength(100);
    const note = diagnostics.find((d) => d.code === 'diagnostics-truncated');
    expect(note?.severity).toBe('info');
    expect(note?.message).toMatch(/^4,900 more/);
  });
});
