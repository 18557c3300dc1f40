// Rule: VNIs are unique across the whole topology (tenant L3 VNIs, subnet L2 VNIs, cluster overlay VNIs).
import type { DataPath } from '../../source/data-path.js';
import type { SemanticRule } from './semantic-rule.js';

export const uniqueVni: SemanticRule = {
  name: 'unique-vni',
  codes: [{ code: 'duplicate-vni', severity: 'error', summary: 'A VNI is used twice in the topology.' }],
  check(spec, ctx) {
    const seen = new Map<number, { path: DataPath; owner: string }>();
    const use = (vni: number | undefined, path: DataPath, owner: string): void => {
      if (vni === undefined) return;
      const first = seen.get(vni);
      if (!first) {
        seen.set(vni, { path, owner });
        return;
      }
      ctx.report('duplicate-vni', path, `VNI ${vni} of ${owner} is already used by ${first.owner}`, {
        related: [{ path: first.path, message: `${first.owner} uses it` }],
        hint: 'VNIs are unique across every layer, so a VTEP can never confuse two overlays',
      });
    };
    (spec.vpcs ?? []).forEach((vpc, v) => {
      use(vpc.vni, ['vpcs', v, 'vni'], `VPC ${vpc.name}`);
      (vpc.subnets ?? []).forEach((s, i) => use(s.vni, ['vpcs', v, 'subnets', i, 'vni'], `subnet ${vpc.name}/${s.name}`));
    });
    // A cluster runs an overlay once it has nodes; flannel's default VNI (1) counts like a written one.
    (spec.clusters ?? []).forEach((c, i) => {
      const backend = c.cni?.backend ?? 'vxlan';
      if ((c.nodes ?? []).length === 0 || backend !== 'vxlan') return;
      const path = c.cni?.vni !== undefined ? ['clusters', i, 'cni', 'vni'] : c.cni ? ['clusters', i, 'cni'] : ['clusters', i, 'name'];
      use(c.cni?.vni ?? 1, path, `cluster ${c.name}'s flannel overlay`);
    });
  },
};
