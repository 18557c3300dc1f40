// Mutates example specs for the fuzz test: structural edits of the parsed value and raw text edits, described by plain data.
import { parse, stringify } from 'yaml';
import fc from 'fast-check';

/** Values an attacker or a careless edit puts where another value was. */
export const REPLACEMENTS: readonly unknown[] = [
  0, -1, 1, 24, 31, 32, 65535, 4294967296, 1e300, 9216, 0.5,
  '', 'x', 'leaf1', 'spine1', 'blue', 'k8s-1', 'a'.repeat(70), '../../etc/passwd', '/etc/passwd', 'a;reboot', '$(id)', "a'b", 'A_B',
  '10.0.0.0/8', '10.1.1.0/33', '0.0.0.0/0', '999.1.1.1', '10.1.1.7', 'any', 'vm:k8s-1', 'subnet:blue/nodes', 'pods:prod', '1-65535', '9-1',
  'tcp', 'udp', 'icmp', 'deny', 'allow', 'vxlan', 'host-gw', 'wireguard', 'leaf:leaf1', 'border',
  true, false, null, [], {}, ['x'], { name: 'x' }, [{ name: 'x' }],
];

const TEXT_NOISE = [':', '{', '}', '[', ']', '- ', '&a ', '*a', '!', '|', '>', "'", '"', '#', '%', '@', '`', '\t', '\n', ' ', '---\n', '\\', '\u0000'];

export type Mutation =
  | { readonly kind: 'replace'; readonly at: number; readonly value: number }
  | { readonly kind: 'delete' | 'duplicate' | 'swap'; readonly at: number }
  | { readonly kind: 'line-delete' | 'line-duplicate'; readonly at: number }
  | { readonly kind: 'text-insert'; readonly at: number; readonly value: number };

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: fc.nat(REPLACEMENTS.length - 1) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'swap' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('line-delete' as const, 'line-duplicate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('text-insert' as const), at: fc.nat(), value: fc.nat(TEXT_NOISE.length - 1) }) },
);

type Path = readonly (string | number)[];

/** Applies the mutations in order; text edits work on the text, the others on the parsed value. */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  let current = text;
  for (const m of mutations) current = applyOne(current, m);
  return current;
}

function applyOne(text: string, m: Mutation): string {
  if (m.kind === 'line-delete' || m.kind === 'line-duplicate') {
    const lines = text.split('\n');
    const i = m.at % lines.length;
    if (m.kind === 'line-delete') lines.splice(i, 1);
    else lines.splice(i, 0, lines[i] as string);
    return lines.join('\n');
  }
  if (m.kind === 'text-insert') {
    const i = m.at % (text.length + 1);
    return text.slice(0, i) + (TEXT_NOISE[m.value] as string) + text.slice(i);
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch {
    return text;
  }
  const paths = allPaths(value, []);
  if (paths.length === 0) return text;
  const path = paths[m.at % paths.length] as Path;
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1] as string | number;
  const parent = at(value, parentPath) as Record<string | number, unknown> | unknown[];
  if (m.kind === 'replace') (parent as Record<string | number, unknown>)[key] = structuredClone(REPLACEMENTS[m.value]);
  else if (Array.isArray(parent) && typeof key === 'number') {
    if (m.kind === 'delete') parent.splice(key, 1);
    else if (m.kind === 'duplicate') parent.splice(key, 0, structuredClone(parent[key]));
    else parent.splice(0, 0, ...parent.splice(key, 1));
  } else if (m.kind === 'delete') delete (parent as Record<string, unknown>)[key];
  else if (m.kind === 'duplicate') (parent as Record<string, unknown>)[`${String(key)}x`] = structuredClone((parent as Record<string, unknown>)[key]);
  return stringify(value);
}

function allPaths(value: unknown, prefix: Path): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...allPaths(v, [...prefix, i])]);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...allPaths(v, [...prefix, k])]);
  return [];
}

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
}
