// Natural name order (leaf2 before leaf10), used for every sorted output so people read lists as they expect.

const CHUNK = /(\d+)|(\D+)/g;

export function naturalCompare(a: string, b: string): number {
  if (a === b) return 0;
  const ca = a.match(CHUNK) ?? [];
  const cb = b.match(CHUNK) ?? [];
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const x = ca[i] as string;
    const y = cb[i] as string;
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return ca.length - cb.length;
}

export function byName<T extends { readonly name: string }>(a: T, b: T): number {
  return naturalCompare(a.name, b.name);
}
