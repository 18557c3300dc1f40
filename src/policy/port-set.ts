// Sets of ports as sorted, disjoint, non-adjacent inclusive intervals over 1-65535, with exact set algebra.

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

/** Flattened intervals `[first0, last0, first1, last1, ...]`, sorted and merged, so equal sets are equal arrays. */
export type PortSet = readonly number[];

export const NO_PORTS: PortSet = [];
export const ALL_PORTS: PortSet = [MIN_PORT, MAX_PORT];

export function portRange(first: number, last: number): PortSet {
  const a = Math.max(MIN_PORT, first);
  const b = Math.min(MAX_PORT, last);
  return a <= b ? [a, b] : NO_PORTS;
}

/** Builds the canonical set from arbitrary (possibly overlapping) intervals. */
export function portSetOf(intervals: readonly (readonly [number, number])[]): PortSet {
  const sorted = intervals.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [a, b] of sorted) {
    const lastEnd = out.length > 0 ? out[out.length - 1]! : -2;
    if (a <= lastEnd + 1) out[out.length - 1] = Math.max(lastEnd, b);
    else out.push(a, b);
  }
  return out;
}

export function isEmptyPorts(set: PortSet): boolean {
  return set.length === 0;
}

export function isAllPorts(set: PortSet): boolean {
  return set.length === 2 && set[0] === MIN_PORT && set[1] === MAX_PORT;
}

export function unionPorts(a: PortSet, b: PortSet): PortSet {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const pairs: [number, number][] = [];
  for (let i = 0; i < a.length; i += 2) pairs.push([a[i]!, a[i + 1]!]);
  for (let i = 0; i < b.length; i += 2) pairs.push([b[i]!, b[i + 1]!]);
  return portSetOf(pairs);
}

export function intersectPorts(a: PortSet, b: PortSet): PortSet {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const first = Math.max(a[i]!, b[j]!);
    const last = Math.min(a[i + 1]!, b[j + 1]!);
    if (first <= last) out.push(first, last);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}

export function complementPorts(a: PortSet): PortSet {
  const out: number[] = [];
  let next = MIN_PORT;
  for (let i = 0; i < a.length; i += 2) {
    if (a[i]! > next) out.push(next, a[i]! - 1);
    next = a[i + 1]! + 1;
  }
  if (next <= MAX_PORT) out.push(next, MAX_PORT);
  return out;
}

export function subtractPorts(a: PortSet, b: PortSet): PortSet {
  return intersectPorts(a, complementPorts(b));
}

export function portsContain(set: PortSet, port: number): boolean {
  for (let i = 0; i < set.length; i += 2) if (set[i]! <= port && port <= set[i + 1]!) return true;
  return false;
}

/** `80`, `1-79,81-65535`: single ports bare, ranges with a dash, comma-separated as the oracle prints them. */
export function formatPorts(set: PortSet): string {
  const parts: string[] = [];
  for (let i = 0; i < set.length; i += 2) parts.push(set[i] === set[i + 1] ? `${set[i]}` : `${set[i]}-${set[i + 1]}`);
  return parts.join(',');
}
