// Lists every CIDR written in a spec with its path and role, for the CIDR rules.
import type { DataPath } from '../../source/data-path.js';
import type { Spec } from '../../spec/spec-types.js';

export interface CidrUse {
  readonly text: string;
  readonly path: DataPath;
  /** What the range is for, in messages: `fabric loopback pool`, `subnet blue/db`. */
  readonly role: string;
}

const CIDR = /^\d+\.\d+\.\d+\.\d+\/\d+$/;

/** Declared ranges (pools, VPCs, subnets, pod and service CIDRs). */
export function declaredCidrs(spec: Spec): CidrUse[] {
  const out: CidrUse[] = [];
  const f = spec.fabric;
  if (f) {
    out.push({ text: f.loopbacks, path: ['fabric', 'loopbacks'], role: 'fabric loopback pool' });
    if (f.links && f.links !== 'unnumbered') out.push({ text: f.links, path: ['fabric', 'links'], role: 'fabric link pool' });
  }
  (spec.vpcs ?? []).forEach((vpc, v) => {
    out.push({ text: vpc.cidr, path: ['vpcs', v, 'cidr'], role: `VPC ${vpc.name}` });
    (vpc.subnets ?? []).forEach((s, i) =>
      out.push({ text: s.cidr, path: ['vpcs', v, 'subnets', i, 'cidr'], role: `subnet ${vpc.name}/${s.name}` }),
    );
  });
  (spec.clusters ?? []).forEach((c, i) => {
    if (c.podCidr) out.push({ text: c.podCidr, path: ['clusters', i, 'podCidr'], role: `pod CIDR of cluster ${c.name}` });
    if (c.serviceCidr) out.push({ text: c.serviceCidr, path: ['clusters', i, 'serviceCidr'], role: `service CIDR of cluster ${c.name}` });
  });
  return out;
}

/** CIDRs used as addresses in rules and intents. */
export function addressCidrs(spec: Spec): CidrUse[] {
  const out: CidrUse[] = [];
  const add = (value: string | undefined, path: DataPath): void => {
    if (value !== undefined && CIDR.test(value)) out.push({ text: value, path, role: 'address' });
  };
  (spec.vpcs ?? []).forEach((vpc, v) =>
    (vpc.securityGroups ?? []).forEach((g, gi) =>
      (['ingress', 'egress'] as const).forEach((dir) =>
        (g[dir] ?? []).forEach((r, ri) => {
          add(r.from, ['vpcs', v, 'securityGroups', gi, dir, ri, 'from']);
          add(r.to, ['vpcs', v, 'securityGroups', gi, dir, ri, 'to']);
        }),
      ),
    ),
  );
  (spec.firewalls ?? []).forEach((fw, fi) =>
    (fw.rules ?? []).forEach((r, ri) => {
      add(r.from, ['firewalls', fi, 'rules', ri, 'from']);
      add(r.to, ['firewalls', fi, 'rules', ri, 'to']);
    }),
  );
  (spec.intents ?? []).forEach((n, i) => {
    if ('external' in n.from) add(n.from.external, ['intents', i, 'from', 'external']);
    if ('external' in n.to) add(n.to.external, ['intents', i, 'to', 'external']);
  });
  return out;
}
