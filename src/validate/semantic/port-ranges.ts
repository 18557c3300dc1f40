// Rule: `"low-high"` port ranges in security groups, firewalls and intents are ordered.
import type { DataPath } from '../../source/data-path.js';
import type { PortSpec, Spec } from '../../spec/spec-types.js';
import type { SemanticRule } from './semantic-rule.js';

export const portRanges: SemanticRule = {
  name: 'port-ranges',
  codes: [{ code: 'invalid-range', severity: 'error', summary: 'A `low-high` range has low above high.' }],
  check(spec, ctx) {
    for (const { ports, path } of portLists(spec)) {
      ports.forEach((p, i) => {
        if (typeof p !== 'string') return;
        const m = /^(\d+)-(\d+)$/.exec(p);
        if (m && Number(m[1]) > Number(m[2])) {
          ctx.report('invalid-range', [...path, i], `port range ${p} starts above its end`, { hint: `write ${m[2]}-${m[1]}` });
        }
      });
    }
  },
};

function portLists(spec: Spec): { ports: readonly PortSpec[]; path: DataPath }[] {
  const out: { ports: readonly PortSpec[]; path: DataPath }[] = [];
  (spec.vpcs ?? []).forEach((vpc, v) =>
    (vpc.securityGroups ?? []).forEach((g, gi) =>
      (['ingress', 'egress'] as const).forEach((dir) =>
        (g[dir] ?? []).forEach((r, ri) => {
          if (r.ports) out.push({ ports: r.ports, path: ['vpcs', v, 'securityGroups', gi, dir, ri, 'ports'] });
        }),
      ),
    ),
  );
  (spec.firewalls ?? []).forEach((f, fi) =>
    (f.rules ?? []).forEach((r, ri) => {
      if (r.ports) out.push({ ports: r.ports, path: ['firewalls', fi, 'rules', ri, 'ports'] });
    }),
  );
  (spec.intents ?? []).forEach((n, i) => {
    if (n.ports) out.push({ ports: n.ports, path: ['intents', i, 'ports'] });
  });
  return out;
}
