// Property: with the lock file of the previous compile, adding leaves, spines or hosts anywhere never renumbers existing objects.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { FabricIR } from '../../src/ir/fabric-ir.js';
import { build } from '../helpers/run-pipeline.js';

interface FabricShape {
  spines: string[];
  leaves: { name: string; rack?: string }[];
  hosts: { name: string; leaf: string }[];
  numbered: boolean;
}

function specText(shape: FabricShape): string {
  return stringify({
    thrice: 1,
    name: 'prop',
    fabric: {
      radix: 64,
      loopbacks: '10.255.0.0/16',
      links: shape.numbered ? '10.254.0.0/16' : 'unnumbered',
      asn: { spine: 65000, leaf: '65100-65999' },
      spines: shape.spines,
      leaves: shape.leaves,
      hosts: shape.hosts,
    },
  });
}

/** Everything allocated, per object, as comparable strings. */
function allocated(fabric: FabricIR): Map<string, string> {
  const out = new Map<string, string>();
  for (const sw of fabric.switches) {
    out.set(sw.name, `${sw.id} ${sw.asn} ${sw.loopback}`);
    for (const i of sw.interfaces) out.set(`${sw.name}:${i.peer}`, `${i.name} ${i.address ?? ''}`);
  }
  for (const h of fabric.hosts) out.set(h.name, `${h.leaf} ${h.leafInterface}`);
  return out;
}

const shapeArb = fc
  .record({
    spineCount: fc.integer({ min: 1, max: 4 }),
    leafCount: fc.integer({ min: 1, max: 12 }),
    hostCount: fc.integer({ min: 0, max: 10 }),
    racks: fc.boolean(),
    numbered: fc.boolean(),
  })
  .chain((s) =>
    fc.record({
      base: fc.constant(s),
      hostLeaves: fc.array(fc.integer({ min: 0, max: s.leafCount - 1 }), { minLength: s.hostCount, maxLength: s.hostCount }),
      insertSpineAt: fc.integer({ min: 0, max: s.spineCount }),
      insertLeafAt: fc.integer({ min: 0, max: s.leafCount }),
      newHostLeaf: fc.integer({ min: 0, max: s.leafCount - 1 }),
    }),
  );

describe('allocation stability', () => {
  it('inserting a spine, a leaf and a host anywhere keeps every existing value', () => {
    fc.assert(
      fc.property(shapeArb, ({ base, hostLeaves, insertSpineAt, insertLeafAt, newHostLeaf }) => {
        const leaves = Array.from({ length: base.leafCount }, (_, i) => ({
          name: `leaf${i + 1}`,
          ...(base.racks ? { rack: `r${Math.floor(i / 2) + 1}` } : {}),
        }));
        const before: FabricShape = {
          spines: Array.from({ length: base.spineCount }, (_, i) => `spine${i + 1}`),
          leaves,
          hosts: hostLeaves.map((l, i) => ({ name: `hv${i + 1}`, leaf: `leaf${l + 1}` })),
          numbered: base.numbered,
        };
        const first = build(specText(before));
        expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const after: FabricShape = {
          ...before,
          spines: [...before.spines.slice(0, insertSpineAt), 'spine-new', ...before.spines.slice(insertSpineAt)],
          leaves: [...before.leaves.slice(0, insertLeafAt), { name: 'leaf-new' }, ...before.leaves.slice(insertLeafAt)],
          hosts: [{ name: 'hv-new', leaf: `leaf${newHostLeaf + 1}` }, ...before.hosts],
        };
        const second = build(specText(after), 'spec.yaml', first.lockText);
        expect(second.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const a = allocated(first.ir!.fabric!);
        const b = allocated(second.ir!.fabric!);
        for (const [key, value] of a) expect(b.get(key), key).toBe(value);
        // The new objects got values nobody else has.
        const loopbacks = second.ir!.fabric!.switches.map((s) => s.loopback);
        expect(new Set(loopbacks).size).toBe(loopbacks.length);
      }),
      { numRuns: 60 },
    );
  });

  it('without a lock file, allocation follows list order and is deterministic', () => {
    const text = specText({ spines: ['spine1', 'spine2'], leaves: [{ name: 'leaf1' }, { name: 'leaf2' }], hosts: [], numbered: false });
    const a = build(text);
    const b = build(text);
    expect(a.lockText).toBe(b.lockText);
    expect(JSON.stringify(a.ir)).toBe(JSON.stringify(b.ir));
    const lo = Object.fromEntries(a.ir!.fabric!.switches.map((s) => [s.name, s.loopback]));
    expect(lo).toEqual({ leaf1: '10.255.0.3', leaf2: '10.255.0.4', spine1: '10.255.0.1', spine2: '10.255.0.2' });
  });

  it('a pin wins over a conflicting lock entry, and the displaced object moves to a free value', () => {
    const text = specText({ spines: ['spine1'], leaves: [{ name: 'leaf1' }, { name: 'leaf2' }], hosts: [], numbered: false });
    const first = build(text);
    const pinned = text.replace('- name: leaf2', '- name: leaf2\n      loopback: 10.255.0.2');
    const second = build(pinned, 'spec.yaml', first.lockText);
    const lo = Object.fromEntries(second.ir!.fabric!.switches.map((s) => [s.name, s.loopback]));
    expect(lo.leaf2).toBe('10.255.0.2');
    expect(lo.spine1).toBe('10.255.0.1');
    expect(lo.leaf1).toBe('10.255.0.3');
  });
});
