// Issue 8.3: huge lists are refused early and located; an invalid spec with thousands of bad items gets a capped report.
import { describe, expect, it } from 'vitest';
import { NAMESPACE, WITH_MANIFEST, project, validateJson } from './parse-helpers.js';

const FABRIC = 'thrice: 1\nname: big\nfabric:\n  loopbacks: 10.255.0.0/16\n  asn: {spine: 65000, leaf: 65100-65999}\n  spines: 2\n';
/** Generous for a loaded CI machine: before the limits these took 90 seconds to 5 minutes and up to 4 GB. */
const QUICK = 20;

describe('huge lists', () => {
  it('a 30 MB spec with a 1,800,000-item list stops at the millionth item', () => {
    const nodes = '      - n1234567\n'.repeat(1_800_000);
    const spec = `${FABRIC}  leaves: 2\nclusters:\n  - name: c\n    vpc: v\n    nodes:\n${nodes}`;
    expect(spec.length).toBeGreaterThan(30_000_000);
    const { run, found, seconds } = validateJson(project({ 'spec.yaml': spec }));
    expect(run.status).toBe(1);
    expect(found).toEqual(['yaml-too-many-items spec.yaml:12:7']);
    expect(seconds).toBeLessThan(QUICK);
  });

  it('a flow list of 10,000,000 items, and one of bare "-" items, are refused the same way', () => {
    const flow = `${FABRIC}  leaves: 2\nintents: [${'1,'.repeat(10_000_000)}1]\n`;
    expect(validateJson(project({ 'spec.yaml': flow })).found).toEqual(['yaml-too-many-items spec.yaml:8:10']);
    const bare = `${FABRIC}  leaves: 2\nintents:\n${'-\n'.repeat(5_000_000)}`;
    expect(validateJson(project({ 'spec.yaml': bare })).found).toEqual(['yaml-too-many-items spec.yaml:9:1']);
  });

  it('800,000 leaves (under the parse limit, over the schema maxItems) are one schema-range error, found before ajv', () => {
    const spec = `${FABRIC}  leaves:\n${'    - {name: leaf1, rack: r1}\n'.repeat(800_000)}`;
    const { run, found, seconds } = validateJson(project({ 'spec.yaml': spec }));
    expect(run.status).toBe(1);
    expect(found).toEqual(['schema-range spec.yaml:8:5']);
    expect(seconds).toBeLessThan(QUICK);
  });

  it('a manifest with a 2,000,000-item list is located in the manifest', () => {
    const manifest = `${NAMESPACE}---\nkind: List\nitems:\n${'- {}\n'.repeat(2_000_000)}`;
    const { run, found } = validateJson(project({ 'spec.yaml': WITH_MANIFEST, 'm.yaml': manifest }));
    expect(run.status).toBe(1);
    expect(found).toEqual(['yaml-too-many-items m.yaml:7:1']);
  });

  it('200,000 unknown keys give 100 errors and a note, quickly (each explanation once looked at every key)', () => {
    const spec = `thrice: 1\nname: x\n${Array.from({ length: 200_000 }, (_, i) => `k${i}: 1\n`).join('')}`;
    const { run, found, seconds } = validateJson(project({ 'spec.yaml': spec }));
    expect(run.status).toBe(1);
    expect(found).toHaveLength(101);
    expect(found.at(-1)).toBe('diagnostics-truncated spec.yaml:103:1');
    expect(seconds).toBeLessThan(QUICK);
  });

  it('20,000 invalid hosts give 100 errors and a note, not 20,000 errors', () => {
    const spec = `${FABRIC}  leaves: 2\n  hosts:\n${'    - {name: h, leaf: leaf1, rack: 7}\n'.repeat(20_000)}`;
    const { run, found, seconds } = validateJson(project({ 'spec.yaml': spec }));
    expect(run.status).toBe(1);
    expect(found).toHaveLength(101);
    expect(found.at(-1)).toBe('diagnostics-truncated spec.yaml:109:30');
    expect(seconds).toBeLessThan(QUICK);
  });
});
