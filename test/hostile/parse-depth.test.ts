// Issue 8.1: 10,000-deep nesting in a spec or a manifest is a located yaml-too-deep error, never a stack overflow.
import { describe, expect, it } from 'vitest';
import { NAMESPACE, WITH_MANIFEST, project, validateJson } from './parse-helpers.js';

const HEAD = 'thrice: 1\nname: deep\n';

describe('deep nesting', () => {
  it.each([
    ['flow lists', `${HEAD}x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 'spec.yaml:3:69'],
    ['flow mappings', `${HEAD}x: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`, 'spec.yaml:3:261'],
    ['compact block lists', `${HEAD}x:\n${'- '.repeat(10_000)}1\n`, 'spec.yaml:4:131'],
    ['block mappings', HEAD + Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n', 'spec.yaml:68:66'],
    ['flow lists behind an anchor', `${HEAD}a: &a 1\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 'spec.yaml:4:69'],
  ])('a spec with 10,000-deep %s', (_, text, place) => {
    const { run, found } = validateJson(project({ 'spec.yaml': text }));
    expect(run.status).toBe(1);
    expect(found).toEqual([`yaml-too-deep ${place}`]);
  });

  it('a manifest with 10,000-deep nesting is located in the manifest', () => {
    const manifest = `${NAMESPACE}---\nkind: ConfigMap\ndata: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    const { run, found } = validateJson(project({ 'spec.yaml': WITH_MANIFEST, 'm.yaml': manifest }));
    expect(run.status).toBe(1);
    expect(found).toEqual(['yaml-too-deep m.yaml:6:72']);
  });

  it('a deep lock file is a located lock error', () => {
    const lock = `thrice-lock: 1\nvms: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    const { run, found } = validateJson(project({ 'spec.yaml': HEAD, 'spec.lock.yaml': lock }), ['compile', 'spec.yaml', '-o', 'out']);
    expect(run.status).not.toBe(0);
    expect(found).toEqual(['lock-invalid spec.lock.yaml:2:71']);
  });
});
