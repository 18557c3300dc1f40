// Rule: every reference (leaf, host, subnet, VM, VPC, security group, cluster, workload) names a declared object of the right kind.
import type { DataPath } from '../../source/data-path.js';
import type { EndpointSpec, Spec } from '../../spec/spec-types.js';
import type { SemanticContext, SemanticRule } from './semantic-rule.js';
import { type NameKind, type NameTable, buildNameTable } from './name-table.js';
import { closestMatch } from '../schema/suggest.js';

/** Address reference prefixes and the kind each names; `loopbacks` and CIDRs need no lookup. */
const ADDRESS_KINDS: Readonly<Record<string, NameKind>> = {
  vpc: 'vpc',
  subnet: 'subnet',
  vm: 'vm',
  host: 'host',
  pods: 'cluster',
  services: 'cluster',
};

export const unknownReference: SemanticRule = {
  name: 'unknown-reference',
  codes: [
    { code: 'unknown-reference', severity: 'error', summary: 'A reference names nothing declared.' },
    { code: 'wrong-reference-kind', severity: 'error', summary: 'A reference names an object of the wrong kind or scope.' },
  ],
  check(spec, ctx) {
    const names = buildNameTable(spec);
    const need = (kind: NameKind, key: string, path: DataPath, what = kind): boolean => {
      if (names.get(kind, key)) return true;
      ctx.report('unknown-reference', path, `no ${what} named "${key}"`, { hint: suggestion(names, kind, key) });
      return false;
    };
    (spec.fabric?.hosts ?? []).forEach((h, i) => {
      const path: DataPath = ['fabric', 'hosts', i, 'leaf'];
      const sw = names.get('switch', h.leaf);
      if (!sw) need('switch', h.leaf, path, 'leaf' as NameKind);
      else if (sw.role !== 'leaf' && sw.role !== 'border') {
        ctx.report('wrong-reference-kind', path, `host ${h.name} must sit under a leaf, but ${h.leaf} is a ${sw.role}`, {
          related: [{ path: sw.path, message: `${h.leaf} declared here` }],
        });
      }
    });
    (spec.vpcs ?? []).forEach((vpc, v) => {
      (vpc.vms ?? []).forEach((vm, i) => {
        const base: DataPath = ['vpcs', v, 'vms', i];
        need('host', vm.host, [...base, 'host']);
        need('subnet', `${vpc.name}/${vm.subnet}`, [...base, 'subnet'], 'subnet' as NameKind);
        (vm.securityGroups ?? []).forEach((g, j) =>
          need('security group', `${vpc.name}/${g}`, [...base, 'securityGroups', j]),
        );
      });
      (vpc.peerings ?? []).forEach((p, i) => {
        const path: DataPath = ['vpcs', v, 'peerings', i, 'vpc'];
        if (p.vpc === vpc.name) ctx.report('wrong-reference-kind', path, `VPC ${vpc.name} cannot peer with itself`);
        else need('vpc', p.vpc, path);
      });
      (vpc.securityGroups ?? []).forEach((g, gi) => {
        for (const dir of ['ingress', 'egress'] as const) {
          (g[dir] ?? []).forEach((r, ri) => {
            const base: DataPath = ['vpcs', v, 'securityGroups', gi, dir, ri];
            if (r.from !== undefined) checkAddress(r.from, [...base, 'from'], names, ctx);
            if (r.to !== undefined) checkAddress(r.to, [...base, 'to'], names, ctx);
          });
        }
      });
    });
    const vmVpc = new Map<string, string>();
    for (const vpc of spec.vpcs ?? []) for (const vm of vpc.vms ?? []) vmVpc.set(vm.name, vpc.name);
    (spec.clusters ?? []).forEach((c, ci) => {
      const base: DataPath = ['clusters', ci];
      if (c.vpc !== undefined) need('vpc', c.vpc, [...base, 'vpc']);
      (c.nodes ?? []).forEach((n, j) => {
        const path: DataPath = [...base, 'nodes', j];
        if (!need('vm', n, path)) return;
        const owner = vmVpc.get(n);
        if (c.vpc !== undefined && owner !== c.vpc) {
          ctx.report('wrong-reference-kind', path, `node ${n} is a VM of VPC ${owner}, not of the cluster's VPC ${c.vpc}`, {
            related: [{ path: names.get('vm', n)?.path ?? path, message: `${n} declared here` }],
          });
        }
      });
      (c.workloads ?? []).forEach((w, wi) => {
        if (w.node !== undefined && !(c.nodes ?? []).includes(w.node)) {
          ctx.report('unknown-reference', [...base, 'workloads', wi, 'node'], `cluster ${c.name} has no node named "${w.node}"`);
        }
      });
    });
    (spec.firewalls ?? []).forEach((f, fi) => {
      const base: DataPath = ['firewalls', fi];
      const [kind, target] = splitRef(f.at);
      if (target !== undefined) {
        if (kind === 'leaf') {
          const sw = names.get('switch', target);
          if (!sw) need('switch', target, [...base, 'at'], 'leaf' as NameKind);
          else if (sw.role !== 'leaf' && sw.role !== 'border') {
            ctx.report('wrong-reference-kind', [...base, 'at'], `${target} is a ${sw.role}, not a leaf`);
          }
        } else if (kind === 'host') need('host', target, [...base, 'at']);
        else if (kind === 'vm') need('vm', target, [...base, 'at']);
      }
      (f.rules ?? []).forEach((r, ri) => {
        if (r.from !== undefined) checkAddress(r.from, [...base, 'rules', ri, 'from'], names, ctx);
        if (r.to !== undefined) checkAddress(r.to, [...base, 'rules', ri, 'to'], names, ctx);
      });
    });
    // Workloads of clusters that import manifests may live in those files: compile/check-workload-references.ts
    // checks them once the manifests are read.
    const importing = new Set((spec.clusters ?? []).filter((c) => (c.manifests ?? []).length > 0).map((c) => c.name));
    (spec.intents ?? []).forEach((intent, ii) => {
      checkEndpoint(intent.from, ['intents', ii, 'from'], names, ctx, importing);
      checkEndpoint(intent.to, ['intents', ii, 'to'], names, ctx, importing);
    });
  },
};

function splitRef(ref: string): [string, string | undefined] {
  const i = ref.indexOf(':');
  return i < 0 ? [ref, undefined] : [ref.slice(0, i), ref.slice(i + 1)];
}

function checkAddress(ref: string, path: DataPath, names: NameTable, ctx: SemanticContext): void {
  const [prefix, target] = splitRef(ref);
  const kind = ADDRESS_KINDS[prefix];
  if (!kind || target === undefined) return;
  if (!names.get(kind, target)) ctx.report('unknown-reference', path, `no ${kind} named "${target}"`, { hint: suggestion(names, kind, target) });
}

function checkEndpoint(endpoint: EndpointSpec, path: DataPath, names: NameTable, ctx: SemanticContext, importing: ReadonlySet<string>): void {
  const check = (kind: NameKind, key: string, at: DataPath): void => {
    if (!names.get(kind, key)) ctx.report('unknown-reference', at, `no ${kind} named "${key}"`, { hint: suggestion(names, kind, key) });
  };
  if ('host' in endpoint) check('host', endpoint.host, [...path, 'host']);
  else if ('vm' in endpoint) check('vm', endpoint.vm, [...path, 'vm']);
  else if ('subnet' in endpoint) check('subnet', endpoint.subnet, [...path, 'subnet']);
  else if ('workload' in endpoint) {
    const cluster = endpoint.workload.split('/')[0] ?? '';
    if (!importing.has(cluster)) check('workload', endpoint.workload, [...path, 'workload']);
    else if (!names.get('cluster', cluster)) check('cluster', cluster, [...path, 'workload']);
  }
  else if ('pods' in endpoint) check('cluster', endpoint.pods.cluster, [...path, 'pods', 'cluster']);
}

/** "did you mean" among declared names of the same kind. */
function suggestion(names: NameTable, kind: NameKind, key: string): string | undefined {
  const best = closestMatch(key, names.all.filter((d) => d.kind === kind).map((d) => d.key));
  return best === undefined ? undefined : `did you mean "${best}"?`;
}
