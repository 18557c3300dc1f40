// Rule: flannel's host-gw backend routes pod subnets via the other nodes' addresses, so every node must share one L2 segment.
import type { SemanticRule } from './semantic-rule.js';
import type { DataPath } from '../../source/data-path.js';

/**
 * host-gw installs `<pod subnet> via <node address> dev <node interface>` for every other node: the next hop must be
 * on the link, which in a VPC means the same subnet (one L2 VNI). A node in another subnet would make every peer's
 * route fail ("Nexthop has invalid gateway"), so it is reported before anything is emitted.
 */
export const hostGwAdjacency: SemanticRule = {
  name: 'host-gw-adjacency',
  codes: [{ code: 'host-gw-not-adjacent', severity: 'error', summary: "A host-gw cluster's nodes are not all in one VPC subnet, so their pod routes have no on-link next hop." }],
  check(spec, ctx) {
    const vms = new Map<string, { vpc: string; subnet: string; path: DataPath }>();
    (spec.vpcs ?? []).forEach((vpc, vi) => (vpc.vms ?? []).forEach((vm, mi) => vms.set(vm.name, { vpc: vpc.name, subnet: vm.subnet, path: ['vpcs', vi, 'vms', mi, 'subnet'] })));
    (spec.clusters ?? []).forEach((cluster, ci) => {
      if (cluster.cni?.backend !== 'host-gw') return;
      const nodes = (cluster.nodes ?? []).map((name, i) => ({ name, i, vm: vms.get(name) }));
      const first = nodes.find((n) => n.vm !== undefined);
      if (!first?.vm) return;
      const segment = first.vm;
      for (const node of nodes) {
        if (!node.vm || (node.vm.vpc === segment.vpc && node.vm.subnet === segment.subnet)) continue;
        ctx.report(
          'host-gw-not-adjacent',
          ['clusters', ci, 'nodes', node.i],
          `node ${node.name} is in subnet ${node.vm.vpc}/${node.vm.subnet}, not in ${segment.vpc}/${segment.subnet} with node ${first.name}: cluster ${cluster.name}'s host-gw routes need every node on one link`,
          {
            related: [{ path: segment.path, message: `node ${first.name} is in subnet ${segment.vpc}/${segment.subnet}` }],
            hint: `put every node of cluster ${cluster.name} in subnet ${segment.vpc}/${segment.subnet}, or use the vxlan or wireguard backend, which route between subnets`,
          },
        );
      }
    });
  },
};
