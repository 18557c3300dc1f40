// Parses ASN values written as a number or a `"low-high"` range string.

export interface AsnRange {
  readonly low: number;
  readonly high: number;
}

export function parseAsnRange(value: number | string): AsnRange | undefined {
  if (typeof value === 'number') return { low: value, high: value };
  const m = /^(\d+)\s*-\s*(\d+)$/.exec(value);
  if (!m) return undefined;
  return { low: Number(m[1]), high: Number(m[2]) };
}

export function formatAsnRange(range: AsnRange): string {
  return range.low === range.high ? String(range.low) : `${range.low}-${range.high}`;
}
