// Paths into a parsed document: JSON-pointer keys for lookups and `a.b[0].c` strings for people.

export type PathSegment = string | number;
export type DataPath = readonly PathSegment[];

/** RFC 6901 JSON pointer, the key used by the span index and by ajv's instancePath. */
export function toPointer(path: DataPath): string {
  let out = '';
  for (const segment of path) {
    out += '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
  }
  return out;
}

export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Human form: `vpcs[1].subnets[0].vni`. Numeric segments of a pointer are shown as indexes. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number' || /^\d+$/.test(segment)) out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
