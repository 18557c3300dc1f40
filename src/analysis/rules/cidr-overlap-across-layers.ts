// Rule: a VPC reuses underlay address space (the loopback or link pool), which validation allows across VRFs.
import type { AnalysisRule } from '../analysis-rule.js';
import type { DataPath } from '../../source/data-path.js';
import { parsePrefix, prefixesOverlap } from '../../ir/ipv4.js';
import { listSome } from '../finding-text.js';

interface Pool {
  readonly path: DataPath;
  readonly role: string;
  readonly text: string;
  /** Underlay addresses allocated from the pool: `what` names them in messages. */
  readonly used: readonly { readonly what: string; readonly cidr: string }[];
}

export const cidrOverlapAcrossLayers: AnalysisRule = {
  code: 'cidr-overlap-across-layers',
  severity: 'warning',
  summary: 'A VPC CIDR overlaps an underlay range (the fabric loopback or link pool).',
  docs:
    'Validation rejects overlaps that break routing: the fabric pools and every pod and service CIDR must be disjoint, ' +
    'and no VPC may overlap a pod or service CIDR. A VPC may still reuse the underlay\'s own ranges, because tenant ' +
    'routes live in their own VRF. ' +
    'That is legal and dangerous: the same addresses now name a switch loopback or VTEP in the default table and a VM ' +
    'inside the tenant, so a firewall or security-group rule written for one range also matches the other wherever the ' +
    'header it sees carries them (a spine firewall sees leaf loopbacks as VXLAN endpoints, a host or leaf firewall sees ' +
    'the VPC addresses), and every trace, capture or log line becomes ambiguous. Fix: give the VPC a range outside ' +
    '`fabric.loopbacks` and `fabric.links`.',
  check(ctx) {
    const fabric = ctx.ir.fabric;
    if (!fabric) return;
    const loopbacks = [...fabric.switches.map((s) => ({ what: `${s.name} ${s.loopback}`, cidr: `${s.loopback}/32` })), ...fabric.hosts.map((h) => ({ what: `${h.name} ${h.address}`, cidr: `${h.address}/32` }))];
    const pools: Pool[] = [{ path: ['fabric', 'loopbacks'], role: 'fabric loopback pool', text: fabric.loopbackPool, used: loopbacks }];
    if (fabric.linkPool) {
      const links = fabric.links.flatMap((l) => (l.subnet ? [{ what: `${l.a.switch}-${l.b.switch} ${l.subnet}`, cidr: l.subnet }] : []));
      pools.push({ path: ['fabric', 'links'], role: 'fabric link pool', text: fabric.linkPool, used: links });
    }
    for (const vpc of ctx.ir.overlay.vpcs) {
      const range = parsePrefix(vpc.cidr);
      if (!range) continue;
      for (const pool of pools) {
        const p = parsePrefix(pool.text);
        if (!p || !prefixesOverlap(range, p)) continue;
        const inside = pool.used.filter((u) => {
          const q = parsePrefix(u.cidr);
          return q !== undefined && prefixesOverlap(range, q);
        });
        const clash = inside.length > 0 ? `; it holds the underlay addresses of ${listSome(inside.map((u) => u.what))}` : '';
        ctx.report([...vpc.origin, 'cidr'], `VPC ${vpc.name} (${vpc.cidr}) overlaps the ${pool.role} (${pool.text})${clash}: a rule written for either range also matches the other`, {
          related: [{ at: pool.path, message: pool.role }],
          hint: `choose a VPC range outside ${pool.text}`,
        });
      }
    }
  },
};
