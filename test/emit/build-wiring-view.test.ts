// Unit tests of the wiring view: one row per link, natural order, per-format subnets and escaping.
import { describe, expect, it } from 'vitest';
import type { FabricIR } from '../../src/ir/fabric-ir.js';
import { buildWiringView } from '../../src/emit/wiring/build-wiring-view.js';
import { csvCell, markdownCell } from '../../src/emit/wiring/table-cells.js';
import { threeTierNumbered, twoTierUnnumbered } from '../helpers/fabric-ir-fixtures.js';
import { shuffledFabric } from './shuffled-fabric.js';

describe('buildWiringView', () => {
  it('has one row per link, upper tier first, blank subnet in CSV and a word in Markdown when unnumbered', () => {
    const wiring = buildWiringView(twoTierUnnumbered);
    expect(wiring.linkCount).toBe(6);
    expect(wiring.linkMode).toBe('unnumbered');
    expect(wiring.csvRows[0]).toEqual({ aSwitch: 'spine1', aPort: 'swp1', bSwitch: 'leaf1', bPort: 'swp12', subnet: '', kind: 'fabric' });
    expect(wiring.markdownRows[0]?.subnet).toBe('unnumbered');
  });

  it('shows each /31 on numbered links', () => {
    const wiring = buildWiringView(threeTierNumbered);
    expect(wiring.csvRows.map((r) => r.subnet)).toContain('10.0.0.14/31');
    expect(wiring.csvRows).toEqual(wiring.markdownRows);
  });

  it('sorts rows naturally (swp2 before swp10) whatever the input order', () => {
    const link = (port: number) => ({ a: { switch: 'spine1', interface: `swp${port}` }, b: { switch: `leaf${port}`, interface: 'swp12' } });
    const fabric: FabricIR = { ...twoTierUnnumbered, links: [link(10), link(2), link(1)] };
    expect(buildWiringView(fabric).csvRows.filter((r) => r.kind === 'fabric').map((r) => r.aPort)).toEqual(['swp1', 'swp2', 'swp10']);
    expect(buildWiringView(shuffledFabric(threeTierNumbered))).toEqual(buildWiringView(threeTierNumbered));
  });
});

describe('host cables in the wiring table', () => {
  it('lists every leaf-to-hypervisor cable after the fabric links: leaf and port on side A, host and uplink on side B', () => {
    const wiring = buildWiringView(twoTierUnnumbered);
    expect(wiring.hostCableCount).toBe(twoTierUnnumbered.hosts.length);
    const hostRows = wiring.csvRows.filter((r) => r.kind === 'host');
    expect(hostRows.map((r) => `${r.aSwitch} ${r.aPort} ${r.bSwitch} ${r.bPort} ${r.subnet}`)).toEqual(
      [...twoTierUnnumbered.hosts].sort((a, b) => a.leaf.localeCompare(b.leaf)).map((h) => `${h.leaf} ${h.leafInterface} ${h.name} eth0 `),
    );
    expect(wiring.csvRows.slice(wiring.linkCount).every((r) => r.kind === 'host')).toBe(true);
    expect(wiring.markdownRows.slice(wiring.linkCount).map((r) => r.subnet)).toEqual(hostRows.map(() => 'host trunk'));
  });
});

describe('table cells', () => {
  it('quotes CSV cells only when they need it', () => {
    expect(csvCell('leaf1')).toBe('leaf1');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });

  it('keeps Markdown cells inside their column', () => {
    expect(markdownCell('a|b')).toBe('a\\|b');
    expect(markdownCell('a\nb')).toBe('a b');
  });
});
