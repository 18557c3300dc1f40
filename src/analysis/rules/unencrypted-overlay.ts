// Rule: a cluster's unencrypted pod overlay crosses a filter placement (a trust boundary) between its nodes.
import type { AnalysisRule } from '../analysis-rule.js';
import { listSome } from '../finding-text.js';

export const unencryptedOverlay: AnalysisRule = {
  code: 'unencrypted-overlay',
  severity: 'warning',
  summary: 'Unencrypted pod-overlay traffic crosses a firewall placement, a trust boundary, between nodes.',
  docs:
    "Flannel's VXLAN backend neither encrypts nor authenticates. Where a firewall is placed on the path between two " +
    'nodes (a leaf, a hypervisor, the spines), the network was split into zones that do not fully trust each other; pod ' +
    'traffic crosses that boundary in clear text, nested inside VXLAN (and, across racks, inside VPC VXLAN as well), ' +
    'where the firewall can neither inspect nor protect it. Fix: use the `wireguard` backend for clusters whose nodes ' +
    'span such boundaries, or keep the nodes inside one zone.',
  check(ctx) {
    for (const cluster of ctx.ir.clusters) {
      if (cluster.cni.backend !== 'vxlan' || cluster.nodes.length < 2) continue;
      const crossed = new Set<string>();
      for (const a of cluster.nodes) {
        for (const b of cluster.nodes) {
          if (a.name >= b.name) continue;
          const from = ctx.paths.instances({ vm: a.name })[0];
          const to = ctx.paths.instances({ vm: b.name })[0];
          if (!from || !to) continue;
          for (const p of ctx.paths.paths(from, to, { proto: 'udp', port: cluster.cni.port })) {
            for (const hop of p.hops) for (const c of hop.checks) if (c.kind === 'firewall') crossed.add(c.name);
          }
        }
      }
      if (crossed.size === 0) continue;
      ctx.report([...cluster.origin, 'cni'], `pod traffic of cluster ${cluster.name} crosses ${listSome([...crossed].sort())} between nodes inside unencrypted VXLAN`, {
        hint: 'use the wireguard backend, or keep the nodes inside one zone',
      });
    }
  },
};
