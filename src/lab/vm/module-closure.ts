// Orders kernel modules for loading: each module's dependencies (from modules.dep) before it, builtins left out.

export interface ModuleIndex {
  /** Module name (dashes as underscores) → its path relative to the module tree and the names it depends on. */
  readonly modules: ReadonlyMap<string, { readonly path: string; readonly deps: readonly string[] }>;
  readonly builtin: ReadonlySet<string>;
}

const nameOf = (path: string): string => (path.split('/').pop() ?? '').replace(/\.ko(\.[a-z]+)?$/, '').replace(/-/g, '_');

/** Reads modules.dep (`kernel/x/y.ko: kernel/a.ko kernel/b.ko`) and modules.builtin (one path per line). */
export function parseModuleIndex(modulesDep: string, modulesBuiltin = ''): ModuleIndex {
  const modules = new Map<string, { path: string; deps: string[] }>();
  for (const line of modulesDep.split('\n')) {
    const [path, deps = ''] = line.split(':');
    if (!path?.trim()) continue;
    modules.set(nameOf(path.trim()), { path: path.trim(), deps: deps.trim().split(/\s+/).filter(Boolean).map(nameOf) });
  }
  const builtin = new Set(modulesBuiltin.split('\n').filter(Boolean).map(nameOf));
  return { modules, builtin };
}

/** The modules to load for `wanted`, dependencies first, each once; builtins skipped; unknown names returned apart. */
export function moduleClosure(index: ModuleIndex, wanted: readonly string[]): { order: string[]; unknown: string[] } {
  const order: string[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  const visit = (raw: string): void => {
    const name = raw.replace(/-/g, '_');
    if (seen.has(name)) return;
    seen.add(name);
    if (index.builtin.has(name)) return;
    const entry = index.modules.get(name);
    if (!entry) {
      unknown.push(name);
      return;
    }
    for (const dep of entry.deps) visit(dep);
    order.push(name);
  };
  for (const w of wanted) visit(w);
  return { order, unknown };
}
