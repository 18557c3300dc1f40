// The JSON Schema check: which code each kind of mistake gets, where it points, and that valid specs pass.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseYamlFile } from '../../src/source/parse-yaml.js';
import { validateAgainstSchema, validateWithSchema } from '../../src/validate/schema-validate.js';
import { compileSchema } from '../../src/validate/schema/thrice-schema.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;

function parse(text: string, file = 'spec.yaml') {
  const parsed = parseYamlFile(text, file);
  expect(parsed.diagnostics).toEqual([]);
  const doc = parsed.documents[0];
  if (!doc) throw new Error('no document');
  return doc;
}

function check(text: string): Diagnostic[] {
  return validateAgainstSchema(parse(text));
}

/** `code line:col` of every diagnostic, the form every assertion uses (never the wording). */
function found(text: string): string[] {
  return check(text).map((d) => `${d.code} ${d.location?.line}:${d.location?.column}`);
}

/** `line:col` (1-based) where `needle` first occurs in `text`: the token a diagnostic must point at. */
function pos(text: string, needle: string): string {
  // Needles may carry a prefix before "|" that is searched first, e.g. "radix: |1" for the 1 after radix.
  const [prefix, token] = needle.includes('|') ? (needle.split('|') as [string, string]) : ['', needle];
  const start = text.indexOf(prefix);
  const at = text.indexOf(token, start < 0 ? text.length : start + prefix.length);
  if (start < 0 || at < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, at).split('\n');
  return `${before.length}:${(before[before.length - 1] ?? '').length + 1}`;
}

/** Asserts exactly one diagnostic, with `code`, at the first occurrence of `needle`. */
function expectOne(text: string, code: string, needle: string): void {
  expect(found(text)).toEqual([`${code} ${pos(text, needle)}`]);
}

const HEAD = 'thrice: 1\nname: dc1\n';

/** A minimal valid two-tier fabric; `extra` lines are appended inside `fabric:`. */
function fabric(extra = ''): string {
  return `${HEAD}fabric:\n  loopbacks: 10.255.0.0/16\n  asn: {spine: 65000, leaf: 65100-65999}\n  spines: 2\n  leaves: 2\n${extra}`;
}

/** One firewall whose `at` and one rule field are given (line 6 holds the rule). */
function firewall(at: string, rule = '{action: deny}'): string {
  return `${HEAD}firewalls:\n  - name: fw\n    at: ${at}\n    rules:\n      - ${rule}\n`;
}

/** One intent; `from` is the endpoint under test (line 5). */
function intent(from: string): string {
  return `${HEAD}intents:\n  - name: i\n    from: ${from}\n    to: {vm: pg-1}\n    expect: deny\n`;
}

describe('valid specs', () => {
  const dir = join(fixtures, 'valid');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

  it('has a two-tier, a three-tier and an everything fixture', () => {
    expect(files).toEqual(expect.arrayContaining(['two-tier.yaml', 'three-tier.yaml', 'everything.yaml']));
  });

  it.each(files)('%s passes with no diagnostics', (file) => {
    expect(validateAgainstSchema(parse(readFileSync(join(dir, file), 'utf8'), file))).toEqual([]);
  });

  it('the everything fixture uses every section', () => {
    const doc = parse(readFileSync(join(dir, 'everything.yaml'), 'utf8'));
    expect(Object.keys(doc.value as object).sort()).toEqual(['clusters', 'fabric', 'firewalls', 'intents', 'name', 'thrice', 'vpcs']);
  });
});

describe('negative fixtures', () => {
  const dir = join(fixtures, 'invalid');
  const mine = readdirSync(dir).filter((f) => /^(schema-.*|invalid-name)\.yaml$/.test(f)).sort();

  it('cover every code the schema check reports', () => {
    const codes = mine.map((f) => f.replace(/\.yaml$/, ''));
    expect(codes).toEqual(
      ['invalid-name', 'schema-enum', 'schema-format', 'schema-invalid', 'schema-range', 'schema-required', 'schema-type', 'schema-unknown-property'].sort(),
    );
  });

  it.each(mine)('%s reports exactly its code at its header location', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const header = /^# expect: ([a-z0-9-]+) (\d+):(\d+)\n/.exec(text);
    expect(header).not.toBeNull();
    const [, code, line, column] = header as RegExpExecArray;
    expect(file).toBe(`${code}.yaml`);
    expect(found(text)).toEqual([`${code} ${line}:${column}`]);
  });
});

describe('codes and locations', () => {
  it('schema-required points at the key of the object missing the property', () => {
    expect(found(`${HEAD}fabric:\n  asn: {spine: 65000}\n  spines: 2\n  leaves: 2\n`)).toEqual(['schema-required 3:1']);
    expect(found('thrice: 1\n')).toEqual(['schema-required 1:1']);
    // A list item has no key: point at the item.
    expect(found(`${HEAD}vpcs:\n  - name: blue\n    vni: 5\n    subnets: []\n`)).toEqual(['schema-required 4:5']);
  });

  it('schema-required carries the path of the missing property', () => {
    const [d] = check(`${HEAD}fabric:\n  asn: {}\n  spines: 2\n  leaves: 2\n`);
    expect(d?.path).toBe('fabric.loopbacks');
    expect(d?.hint).toBeDefined();
  });

  it('schema-unknown-property points at the key and suggests the closest property', () => {
    const [d, ...rest] = check(fabric('  superspine: 2\n'));
    expect(rest).toEqual([]);
    expect([d?.code, d?.location?.line, d?.location?.column, d?.path]).toEqual(['schema-unknown-property', 8, 3, 'fabric.superspine']);
    expect(d?.message).toContain('"superSpines"');
  });

  it('a misspelt required property is one problem, not also a missing one', () => {
    const text = `${HEAD}vpcs:\n  - name: blue\n    vni: 5\n    cidr: 10.1.0.0/16\n    subnet: []\n`;
    expect(found(text)).toEqual(['schema-unknown-property 7:5']);
  });

  it('an unknown top-level section is reported at its key', () => {
    expect(found(`${HEAD}vpc: []\n`)).toEqual(['schema-unknown-property 3:1']);
  });

  it('schema-type points at the value', () => {
    expect(found(`${HEAD}vpcs: {name: blue}\n`)).toEqual(['schema-type 3:7']);
    expect(found(`${HEAD}fabric:\n`)).toEqual(['schema-type 3:8']);
    expect(found(intent('{vm: pg-1}').replace('expect: deny', 'expect: deny\n    ports: 443'))).toEqual(['schema-type 8:12']);
    expect(found(`${HEAD}clusters:\n  - name: prod\n    namespaces: [{name: shop, labels: {tier: 1}}]\n`)).toEqual(['schema-type 5:46']);
  });

  it('schema-enum covers enums and consts', () => {
    expect(found('thrice: 2\nname: dc1\n')).toEqual(['schema-enum 1:9']);
    expect(found(firewall('spines', '{action: drop}'))).toEqual(['schema-enum 7:18']);
    expectOne(`${HEAD}clusters:\n  - {name: prod, cni: {plugin: calico}}\n`, 'schema-enum', 'calico');
  });

  it.each([
    ['vni 0', `${HEAD}vpcs:\n  - {name: blue, vni: 0, cidr: 10.1.0.0/16, subnets: []}\n`, '0,'],
    ['subnet vni above 2^24-1', `${HEAD}vpcs:\n  - name: blue\n    vni: 1\n    cidr: 10.1.0.0/16\n    subnets: [{name: a, cidr: 10.1.0.0/24, vni: 16777216}]\n`, '16777216'],
    ['mtu 1279', fabric('  mtu: 1279\n'), '1279'],
    ['mtu 65536', fabric('  mtu: 65536\n'), '65536'],
    ['radix 1', fabric('  radix: 1\n'), 'radix: |1'],
    ['radix 1025', fabric('  radix: 1025\n'), '1025'],
    ['count 0', fabric().replace('spines: 2', 'spines: 0'), 'spines: |0'],
    ['ASN 0', fabric().replace('spine: 65000', 'spine: 0'), 'spine: |0'],
    ['ASN 2^32', fabric().replace('spine: 65000', 'spine: 4294967296'), '4294967296'],
    ['port 0', firewall('spines', '{action: deny, ports: [0]}'), '0]'],
    ['port 65536', firewall('spines', '{action: deny, ports: [65536]}'), '65536'],
    ['empty port list', firewall('spines', '{action: deny, ports: []}'), '[]'],
  ])('schema-range: %s', (_, text, needle) => {
    expectOne(text, 'schema-range', needle);
  });

  it.each([
    ['prefix /33', fabric().replace('10.255.0.0/16', '10.255.0.0/33'), '10.255'],
    ['octet 256', fabric().replace('10.255.0.0/16', '10.256.0.0/16'), '10.256'],
    ['leading zero', fabric().replace('10.255.0.0/16', '10.255.0.01/16'), '10.255'],
    ['no prefix length', fabric().replace('10.255.0.0/16', '10.255.0.0'), '10.255'],
    ['links neither unnumbered nor CIDR', fabric('  links: numbered\n'), 'numbered'],
    ['loopback pin not an address', fabric().replace('leaves: 2', 'leaves: [{name: leaf1, loopback: 10.0.0.300}]'), '10.0.0.300'],
    ['ASN range with 0', fabric().replace('65100-65999', '0-65999'), '0-65999'],
    ['ASN range above 2^32-1', fabric().replace('65100-65999', '65100-4294967296'), '65100-'],
    ['ASN as a quoted number', fabric().replace('65100-65999', '"65100"'), '"65100"'],
    ['port range above 65535', firewall('spines', '{action: deny, ports: ["1-65536"]}'), '"1-65536"'],
    ['port word', firewall('spines', '{action: deny, ports: [http]}'), 'http'],
    ['address word', firewall('spines', '{action: deny, from: anywhere}'), 'anywhere'],
    ['unknown reference kind', firewall('spines', '{action: deny, from: "vms:web"}'), '"vms:web"'],
    ['placement word', firewall('leaves'), 'leaves'],
    ['subnet endpoint without vpc', intent('{subnet: db}'), 'db}'],
    ['workload endpoint with two parts', intent('{workload: shop/web}'), 'shop/web'],
    ['label key with a space', `${HEAD}clusters:\n  - name: prod\n    namespaces: [{name: shop, labels: {"my team": shop}}]\n`, '"my team"'],
    ['label value with a slash', `${HEAD}clusters:\n  - name: prod\n    namespaces: [{name: shop, labels: {team: a/b}}]\n`, 'a/b'],
    ['port name with capitals', `${HEAD}clusters:\n  - name: prod\n    workloads: [{name: web, namespace: shop, ports: [{name: HTTP, port: 80}]}]\n`, 'HTTP'],
  ])('schema-format: %s', (_, text, needle) => {
    expectOne(text, 'schema-format', needle);
  });

  it('schema-invalid: an endpoint with two forms points at the second one', () => {
    expect(found(intent('{vm: a, host: b}'))).toEqual(['schema-invalid 5:19']);
  });

  it('an endpoint with no form is a missing property at its key', () => {
    expect(found(intent('{}'))).toEqual(['schema-required 5:5']);
  });

  it('an endpoint with a misspelt form suggests the right one', () => {
    const [d, ...rest] = check(intent('{vn: a}'));
    expect(rest).toEqual([]);
    expect([d?.code, d?.location?.line, d?.location?.column]).toEqual(['schema-unknown-property', 5, 12]);
    expect(d?.message).toContain('"vm"');
  });

  it('reports several problems once each, sorted by position', () => {
    const text = `${HEAD}fabric:\n  loopbacks: 10.255.0.0/99\n  asn: {spine: 0}\n  spines: two\n  leaves: [Leaf1]\n  vtep: tor\n`;
    const first = found(text);
    expect(first).toEqual(['schema-format 4:14', 'schema-range 5:16', 'schema-type 6:11', 'invalid-name 7:12', 'schema-enum 8:9']);
    expect(found(text)).toEqual(first);
  });
});

describe('unions report the branch the value was meant for', () => {
  it('a leaf written as an object reports the object errors, not "must be a string"', () => {
    expectOne(fabric().replace('leaves: 2', 'leaves: [{name: leaf1, rakc: r1}]'), 'schema-unknown-property', 'rakc');
    expectOne(fabric().replace('leaves: 2', 'leaves: [{rack: r1}]'), 'schema-required', '{rack');
    expectOne(fabric().replace('leaves: 2', 'leaves: [{name: Leaf1}]'), 'invalid-name', 'Leaf1');
  });

  it('a value of no branch type gets one type error', () => {
    expectOne(fabric().replace('leaves: 2', 'leaves: [7]'), 'schema-type', '7]');
    expectOne(fabric().replace('leaves: 2', 'leaves: true'), 'schema-type', 'true');
  });

  it('collapses oneOf failures in schemas that use oneOf', () => {
    const compiled = compileSchema({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { items: { type: 'array', items: { oneOf: [{ $ref: '#/$defs/name' }, { $ref: '#/$defs/item' }] } } },
      $defs: {
        name: { type: 'string', pattern: '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$' },
        item: {
          type: 'object',
          required: ['name'],
          properties: { name: { $ref: '#/$defs/name' }, rack: { $ref: '#/$defs/name' } },
          additionalProperties: false,
        },
      },
    });
    const doc = parse('items:\n  - {name: a, rakc: r}\n  - 5\n  - Bad\n  - {rack: R}\n');
    const got = validateWithSchema(compiled, doc).map((d) => `${d.code} ${d.location?.line}:${d.location?.column}`);
    expect(got).toEqual(['schema-unknown-property 2:15', 'schema-type 3:5', 'invalid-name 4:5', 'schema-required 5:5', 'invalid-name 5:12']);
  });
});

describe('names and references cannot smuggle paths, words or lines', () => {
  const hostile: [string, string][] = [
    ['a slash', '"a/b"'],
    ['a dot-dot', '".."'],
    ['a relative path', '"../etc"'],
    ['a space', '"a b"'],
    ['a semicolon', '"a;b"'],
    ['a newline', '"a\\nb"'],
    ['a NUL', '"a\\0b"'],
    ['uppercase', 'Leaf1'],
    ['a leading hyphen', '"-a"'],
    ['a trailing hyphen', '"a-"'],
    ['64 characters', 'a'.repeat(64)],
    ['an empty string', '""'],
    ['a dollar', '"$(reboot)"'],
  ];

  it.each(hostile)('the topology name with %s is invalid-name', (_, value) => {
    expect(found(`thrice: 1\nname: ${value}\n`)).toEqual(['invalid-name 2:7']);
  });

  it.each(hostile)('a switch, host and VM name with %s is invalid-name', (_, value) => {
    expectOne(fabric().replace('leaves: 2', `leaves: [${value}]`), 'invalid-name', value);
    expectOne(fabric(`  hosts: [{name: ${value}, leaf: leaf1}]\n`), 'invalid-name', value);
    expectOne(`${HEAD}vpcs:\n  - {name: blue, vni: 1, cidr: 10.1.0.0/16, subnets: [], vms: [{name: ${value}, host: hv1, subnet: a}]}\n`, 'invalid-name', value);
  });

  it.each(hostile)('references with %s are schema-format', (_, value) => {
    const inner = value.startsWith('"') ? value.slice(1, -1) : value;
    expectOne(firewall(`"vm:${inner}"`), 'schema-format', '"vm:');
    expectOne(firewall(`"leaf:${inner}"`), 'schema-format', '"leaf:');
    expectOne(firewall('spines', `{action: deny, to: "subnet:blue/${inner}"}`), 'schema-format', '"subnet:');
    expectOne(intent(`{workload: "prod/shop/${inner}"}`), 'schema-format', '"prod/');
  });

  it('64-character names are rejected and 63-character names accepted', () => {
    expect(found(`thrice: 1\nname: ${'a'.repeat(63)}\n`)).toEqual([]);
    expect(found(`thrice: 1\nname: ${'a'.repeat(64)}\n`)).toEqual(['invalid-name 2:7']);
  });

  it.each([
    ['an absolute path', '/etc/passwd'],
    ['a home path', '~/k8s/*.yaml'],
    ['a drive letter', 'C:/k8s/*.yaml'],
    ['a URL', 'https://example.com/x.yaml'],
    ['a backslash', 'k8s\\\\x.yaml'],
    ['a newline', 'k8s/\\nx.yaml'],
    ['a NUL', 'k8s/\\0x.yaml'],
  ])('a manifest path with %s is schema-format', (_, value) => {
    expect(found(`${HEAD}clusters:\n  - name: prod\n    manifests: ["${value}"]\n`)).toEqual(['schema-format 5:17']);
  });

  it('relative manifest globs are accepted', () => {
    expect(found(`${HEAD}clusters:\n  - name: prod\n    manifests: [k8s/*.yaml, "../shared/**/*.yml", policies/np.json]\n`)).toEqual([]);
  });

  it('messages never carry raw control or bidi characters from the file', () => {
    const messages = check('thrice: 1\nname: "a\\u202eb\\nc\\u001b[31m"\n').map((d) => d.message + (d.hint ?? ''));
    expect(messages).toHaveLength(1);
    expect(messages.join('')).toMatch(/^[\x20-\x7e…]*$/);
  });
});

describe('the schema file', () => {
  const schema = JSON.parse(readFileSync(new URL('../../schema/thrice.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

  it('is draft 2020-12 with an id, a title and a pointer to the format document', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toMatch(/^https:\/\//);
    expect(schema['title']).toBeTruthy();
    expect(String(schema['$comment'])).toContain('format');
  });

  it('builds every reference pattern from the one name pattern', () => {
    const defs = schema['$defs'] as Record<string, { pattern?: string }>;
    const name = String(defs['name']?.pattern).slice(1, -1);
    for (const def of ['address', 'placement', 'subnetRef', 'workloadRef', 'switchItem', 'leafItem']) {
      expect(defs[def]?.pattern, def).toContain(name);
    }
  });

  it('describes every property and every definition, for editor completion', () => {
    const undocumented: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${where}/${i}`));
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties' || key === '$defs') {
          for (const [name, child] of Object.entries(value as Record<string, Record<string, unknown>>)) {
            if (typeof child['description'] !== 'string') undocumented.push(`${where}/${key}/${name}`);
          }
        }
        if (key !== 'enum' && key !== 'const' && key !== 'examples' && key !== 'default') visit(value, `${where}/${key}`);
      }
    };
    visit(schema, '#');
    expect(undocumented).toEqual([]);
  });

  it('closes every thrice object, and only NetworkPolicy spec stays open', () => {
    const open: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
      const n = node as Record<string, unknown>;
      const types = ([] as unknown[]).concat(n['type']);
      if (types.includes('object') && n['properties'] !== undefined && n['additionalProperties'] !== false) open.push(where);
      if (types.includes('object') && n['properties'] === undefined && n['additionalProperties'] === undefined && n['propertyNames'] === undefined) open.push(where);
      for (const [key, value] of Object.entries(n)) if (key !== 'enum' && key !== 'const' && key !== 'examples' && key !== 'default') visit(value, `${where}/${key}`);
    };
    visit(schema, '#');
    expect(open).toEqual(['#/$defs/networkPolicy/properties/spec']);
  });
});

describe('patterns accept exactly their ranges', () => {
  const ok = (text: string): boolean => check(text).length === 0;

  it('ASN ranges accept 1..4294967295 at both ends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 33 }), (n) => {
        const text = fabric().replace('65100-65999', `"${n}-${n}"`);
        return ok(text) === (n >= 1 && n <= 4294967295);
      }),
      { numRuns: 300 },
    );
    expect(ok(fabric().replace('65100-65999', '"4294967295-4294967295"'))).toBe(true);
  });

  it('port ranges accept 1..65535 at both ends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200000 }), (n) => ok(firewall('spines', `{action: deny, ports: ["${n}-${n}"]}`)) === (n >= 1 && n <= 65535)),
      { numRuns: 300 },
    );
    expect(ok(firewall('spines', '{action: deny, ports: ["65535-65535"]}'))).toBe(true);
  });

  it('CIDRs accept octets 0..255 and prefixes 0..32', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 40 }), (octet, prefix) => {
        const text = fabric().replace('10.255.0.0/16', `10.${octet}.0.0/${prefix}`);
        return ok(text) === (octet <= 255 && prefix <= 32);
      }),
      { numRuns: 300 },
    );
  });

  it('every address and placement form is accepted', () => {
    for (const address of ['any', 'loopbacks', '0.0.0.0/0', 'vpc:blue', 'subnet:blue/db', 'vm:pg-1', 'host:hv1', 'pods:prod', 'services:prod']) {
      expect(found(firewall('spines', `{action: allow, from: "${address}", to: "${address}"}`))).toEqual([]);
    }
    for (const at of ['spines', 'superSpines', 'border', 'leaf:leaf1', 'host:hv1', 'vm:k8s-1']) {
      expect(found(firewall(at))).toEqual([]);
    }
  });

  it('every endpoint form is accepted', () => {
    for (const endpoint of ['{external: 0.0.0.0/0}', '{host: hv1}', '{vm: pg-1}', '{subnet: blue/db}', '{workload: prod/shop/web}', '{pods: {cluster: prod}}', '{pods: {cluster: prod, namespace: shop, selector: {app: web}}}']) {
      expect(found(intent(endpoint))).toEqual([]);
    }
  });

  it('Kubernetes label keys with a DNS-subdomain prefix are accepted', () => {
    const text = `${HEAD}clusters:\n  - name: prod\n    namespaces: [{name: shop, labels: {app.kubernetes.io/name: web, k8s.io/x_y.z: "", a: "1"}}]\n`;
    expect(found(text)).toEqual([]);
  });
});
