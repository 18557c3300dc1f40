// Rules: CIDRs are network addresses; fabric pools, VPCs and cluster ranges don't overlap; subnets sit inside their VPC.
import type { SemanticRule } from './semantic-rule.js';
import { type Prefix, formatPrefix, parsePrefix, prefixCovers, prefixesOverlap } from '../../ir/ipv4.js';
import { addressCidrs, declaredCidrs } from './collect-cidrs.js';

export const cidrRules: SemanticRule = {
  name: 'cidr-rules',
  codes: [
    { code: 'invalid-cidr', severity: 'error', summary: 'A CIDR has host bits set (it is not a network address).' },
    { code: 'cidr-overlap', severity: 'error', summary: 'Two ranges that must be disjoint overlap.' },
    { code: 'subnet-outside-vpc', severity: 'error', summary: 'A subnet is not inside its VPC CIDR.' },
  ],
  check(spec, ctx) {
    const parsed = new Map<string, Prefix>();
    const declaredUses = declaredCidrs(spec);
    for (const use of [...declaredUses, ...addressCidrs(spec)]) {
      const p = parsePrefix(use.text);
      if (!p) continue; // the schema reported the syntax already
      if (p.hostBitsSet) {
        ctx.report('invalid-cidr', use.path, `${use.text} has host bits set; the network is ${formatPrefix(p)}`, {
          hint: `write ${formatPrefix(p)}`,
        });
      }
      parsed.set(use.text, p);
    }
    const declared = declaredUses.flatMap((u) => {
      const p = parsed.get(u.text);
      return p ? [{ ...u, prefix: p }] : [];
    });
    // Subnets must overlap their own VPC (and only it); other pairs of declared ranges must be disjoint,
    // except VPCs of different tenants, which may reuse space unless peered (checked with the overlays).
    (spec.vpcs ?? []).forEach((vpc, v) => {
      const outer = parsed.get(vpc.cidr);
      const subnets = (vpc.subnets ?? []).map((s, i) => ({ s, i, p: parsed.get(s.cidr) }));
      for (const { s, i, p } of subnets) {
        if (outer && p && !prefixCovers(outer, p)) {
          ctx.report('subnet-outside-vpc', ['vpcs', v, 'subnets', i, 'cidr'], `subnet ${s.name} (${s.cidr}) is not inside VPC ${vpc.name} (${vpc.cidr})`, {
            related: [{ path: ['vpcs', v, 'cidr'], message: 'VPC CIDR' }],
          });
        }
      }
    });
    const global = declared.filter((d) => !d.role.startsWith('subnet ') && !d.role.startsWith('VPC '));
    reportOverlaps(global, ctx);
    (spec.vpcs ?? []).forEach((vpc, v) => {
      const subnets = declared.filter((d) => d.path[0] === 'vpcs' && d.path[1] === v && d.path[2] === 'subnets');
      reportOverlaps(subnets, ctx);
      const vpcRange = declared.find((d) => d.path[0] === 'vpcs' && d.path[1] === v && d.path[2] === 'cidr');
      // Tenant VRFs are separate from the underlay, so only cluster ranges conflict with a VPC here.
      const clusterRanges = global.filter((d) => d.path[0] === 'clusters');
      if (vpcRange) reportOverlaps([vpcRange, ...clusterRanges], ctx, true);
    });
  },
};

/** Sorted sweep: linear in the number of ranges plus overlaps found. */
function reportOverlaps(
  ranges: readonly { text: string; role: string; path: readonly (string | number)[]; prefix: Prefix }[],
  ctx: Parameters<SemanticRule['check']>[1],
  firstOnly = false,
): void {
  const sorted = [...ranges].sort((a, b) => a.prefix.base - b.prefix.base || b.prefix.size - a.prefix.size);
  const open: typeof sorted = [];
  for (const r of sorted) {
    for (let i = open.length - 1; i >= 0; i--) {
      const o = open[i] as (typeof sorted)[number];
      if (o.prefix.base + o.prefix.size <= r.prefix.base) open.splice(i, 1);
    }
    for (const o of open) {
      if (!prefixesOverlap(o.prefix, r.prefix)) continue;
      if (firstOnly && o !== ranges[0] && r !== ranges[0]) continue;
      const [later, earlier] = sourceOrder(o, r, ctx);
      ctx.report('cidr-overlap', later.path, `${later.role} (${later.text}) overlaps ${earlier.role} (${earlier.text})`, {
        related: [{ path: earlier.path, message: `${earlier.role} declared here` }],
      });
    }
    open.push(r);
  }
}

/** The range written later in the file is the one reported; the earlier one is the related location. */
function sourceOrder<T extends { path: readonly (string | number)[] }>(a: T, b: T, ctx: Parameters<SemanticRule['check']>[1]): [T, T] {
  const la = ctx.spans.locate(a.path);
  const lb = ctx.spans.locate(b.path);
  return la.line > lb.line || (la.line === lb.line && la.column > lb.column) ? [a, b] : [b, a];
}
