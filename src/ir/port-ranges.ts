// Turns `ports` lists as written (numbers and "low-high" strings) into sorted, merged inclusive ranges.
import type { PortRange } from './address-ir.js';

export function parsePortRanges(ports: readonly (number | string)[] | undefined): PortRange[] {
  if (!ports) return [];
  const ranges: PortRange[] = ports.map((p) => {
    if (typeof p === 'number') return { from: p, to: p };
    const [a, b] = p.split('-').map(Number);
    return { from: a ?? 0, to: b ?? a ?? 0 };
  });
  return mergeRanges(ranges);
}

export function mergeRanges(ranges: readonly PortRange[]): PortRange[] {
  const sorted = [...ranges].sort((x, y) => x.from - y.from || x.to - y.to);
  const out: PortRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) out[out.length - 1] = { from: last.from, to: Math.max(last.to, r.to) };
    else out.push(r);
  }
  return out;
}
