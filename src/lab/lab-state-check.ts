// What a state file must look like before `down` acts on it: every namespace the lab's, every path inside its directory.
import { labNameProblem } from './lab-names.js';

const ROLES = new Set(['zebra', 'bgpd', 'bfdd', 'listener', 'tcpdump', 'vm']);

const isString = (v: unknown): v is string => typeof v === 'string';
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const inside = (path: string, dir: string): boolean => path.startsWith(`${dir}/`) && !path.split('/').includes('..');

/** Why `value` is not a state `up` would have written for `dir`, or undefined. */
export function stateProblem(value: unknown, dir: string): string | undefined {
  const s = value as Record<string, unknown>;
  if (!isString(s.name) || labNameProblem(s.name)) return 'no valid lab name';
  if (s.dir !== dir || dir === '/') return `it records the lab directory ${JSON.stringify(s.dir)}`;
  if (![s.spec, s.specHash, s.createdAt].every(isString) || (s.phase !== 'building' && s.phase !== 'up')) return 'a field is missing';
  const lists = { namespaces: s.namespaces, mounts: s.mounts, paths: s.paths, parentDirs: s.parentDirs, differences: s.differences };
  for (const [key, list] of Object.entries(lists)) if (!strings(list)) return `${key} is not a list of strings`;
  const name = s.name;
  const bad =
    (s.namespaces as string[]).find((n) => !n.startsWith(`${name}-`) || n.includes('/')) ??
    (s.mounts as string[]).find((m) => !inside(m, dir)) ??
    (s.paths as string[]).find((p) => p !== dir) ??
    (s.parentDirs as string[]).find((p) => p === '/' || !inside(dir, p));
  if (bad !== undefined) return `${JSON.stringify(bad)} is not the lab's`;
  if (!Array.isArray(s.processes)) return 'processes is not a list';
  const vm = s.vm as Record<string, unknown> | undefined;
  if (vm !== undefined && (typeof vm !== 'object' || vm === null || !isString(vm.kernel) || !isString(vm.innerDir) || !vm.innerDir.startsWith('/run/thrice-lab/'))) return 'vm is not what up records';
  const proc = (s.processes as Record<string, unknown>[]).find(
    (p) =>
      typeof p !== 'object' || p === null || !ROLES.has(p.role as string) || !isString(p.device) || !isString(p.netns) ||
      (p.pidFile !== undefined && !(isString(p.pidFile) && inside(p.pidFile, dir))) ||
      (p.pid !== undefined && !(Number.isInteger(p.pid) && (p.pid as number) > 1)) ||
      (p.pidFile === undefined && p.pid === undefined),
  );
  return proc ? `the process ${JSON.stringify(proc)} is not the lab's` : undefined;
}
