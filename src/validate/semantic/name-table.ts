// Every named object of a spec, by kind and (scoped) name, with where it is declared.
import type { DataPath } from '../../source/data-path.js';
import type { Spec } from '../../spec/spec-types.js';
import type { SwitchRole } from '../../ir/fabric-ir.js';
import { planFabric } from '../../compile/fabric-plan.js';

export type NameKind =
  | 'switch'
  | 'pod'
  | 'rack'
  | 'host'
  | 'vpc'
  | 'subnet'
  | 'security group'
  | 'vm'
  | 'cluster'
  | 'namespace'
  | 'workload'
  | 'network policy'
  | 'firewall'
  | 'intent';

export interface Declaration {
  readonly kind: NameKind;
  /** Scoped key: `vpc/subnet`, `cluster/namespace/workload`, or the plain name. */
  readonly key: string;
  readonly path: DataPath;
  /** Switches only. */
  readonly role?: SwitchRole;
}

export interface NameTable {
  readonly all: readonly Declaration[];
  get(kind: NameKind, key: string): Declaration | undefined;
}

const tables = new WeakMap<Spec, NameTable>();

/** Built once per spec: several rules read it, and it expands the fabric plan. */
export function buildNameTable(spec: Spec): NameTable {
  let table = tables.get(spec);
  if (!table) tables.set(spec, (table = nameTableOf(spec)));
  return table;
}

function nameTableOf(spec: Spec): NameTable {
  const all: Declaration[] = [];
  const add = (kind: NameKind, key: string, path: DataPath, role?: SwitchRole): void => {
    all.push(role ? { kind, key, path, role } : { kind, key, path });
  };
  if (spec.fabric) {
    const plan = planFabric(spec.fabric);
    for (const d of [...plan.superSpines, ...plan.pods.flatMap((p) => [...p.spines, ...p.leaves])]) {
      add('switch', d.name, d.generated ? d.path : [...d.path, 'name'], d.role);
    }
    (spec.fabric.pods ?? []).forEach((p, i) => add('pod', p.name, ['fabric', 'pods', i, 'name']));
    plan.hosts.forEach((h) => add('host', h.name, [...h.path, 'name']));
  }
  (spec.vpcs ?? []).forEach((vpc, v) => {
    add('vpc', vpc.name, ['vpcs', v, 'name']);
    (vpc.subnets ?? []).forEach((s, i) => add('subnet', `${vpc.name}/${s.name}`, ['vpcs', v, 'subnets', i, 'name']));
    (vpc.securityGroups ?? []).forEach((g, i) =>
      add('security group', `${vpc.name}/${g.name}`, ['vpcs', v, 'securityGroups', i, 'name']),
    );
    (vpc.vms ?? []).forEach((vm, i) => add('vm', vm.name, ['vpcs', v, 'vms', i, 'name']));
  });
  (spec.clusters ?? []).forEach((c, ci) => {
    add('cluster', c.name, ['clusters', ci, 'name']);
    (c.namespaces ?? []).forEach((n, i) => add('namespace', `${c.name}/${n.name}`, ['clusters', ci, 'namespaces', i, 'name']));
    (c.workloads ?? []).forEach((w, i) =>
      add('workload', `${c.name}/${w.namespace}/${w.name}`, ['clusters', ci, 'workloads', i, 'name']),
    );
    (c.networkPolicies ?? []).forEach((p, i) => {
      const meta = (p.metadata ?? {}) as { name?: string; namespace?: string };
      add('network policy', `${c.name}/${meta.namespace ?? 'default'}/${meta.name}`, ['clusters', ci, 'networkPolicies', i, 'metadata', 'name']);
    });
  });
  (spec.firewalls ?? []).forEach((f, i) => add('firewall', f.name, ['firewalls', i, 'name']));
  (spec.intents ?? []).forEach((n, i) => add('intent', n.name, ['intents', i, 'name']));

  const index = new Map<string, Declaration>();
  for (const d of all) {
    const k = `${d.kind}\u0000${d.key}`;
    if (!index.has(k)) index.set(k, d);
  }
  return { all, get: (kind, key) => index.get(`${kind}\u0000${key}`) };
}
