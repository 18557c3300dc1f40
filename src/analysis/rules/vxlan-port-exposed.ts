// Rule: a node's flannel VXLAN port is reachable from somewhere other than the cluster's own nodes.
import type { AnalysisRule } from '../analysis-rule.js';
import type { EndpointInstance } from '../paths/path-types.js';
import { listSome } from '../finding-text.js';

export const vxlanPortExposed: AnalysisRule = {
  code: 'vxlan-port-exposed',
  severity: 'error',
  summary: "A cluster node's VXLAN port is reachable from outside the set of its tunnel endpoints.",
  docs:
    "Flannel's VXLAN device on every node accepts any UDP packet to its port and delivers the inner frame into the pod " +
    'network. Only the cluster\'s nodes should ever send to that port. If any other VM, or the outside, can reach it, ' +
    'that sender can inject packets with any inner pod source address, past every security group and firewall (they ' +
    'only saw UDP to the node) and past NetworkPolicies that trust the forged source. thrice walks every path from each ' +
    'other VM of the VPC (and peered VPCs) and from the outside (0.0.0.0/0) to each node on the flannel port and reports ' +
    "any that is allowed. Fix: allow the port only from the cluster's nodes (e.g. `from: subnet:<vpc>/<nodes subnet>` " +
    'when that subnet holds only nodes), or use the wireguard backend. Such an allow holds against every VM: each VM ' +
    "port's port security (nftables/<host>.nft, `ps_<vm>`) drops frames whose source is not the VM's own MAC and " +
    'addresses, so no VM can send as a node. It does not hold against senders behind no thrice port, which thrice does ' +
    'not check: the outside sending with a forged node address through a border leaf that lets it in (border leaves do ' +
    'no anti-spoofing, and outside ranges are modelled only at addresses outside the topology), hypervisors and switches.',
  check(ctx) {
    for (const cluster of ctx.ir.clusters) {
      if (cluster.cni.backend !== 'vxlan' || cluster.nodes.length === 0) continue;
      const nodeNames = new Set(cluster.nodes.map((n) => n.name));
      const nodeVm = ctx.ir.overlay.vms.find((v) => v.name === cluster.nodes[0]?.name);
      const reachVpcs = new Set([nodeVm?.vpc, ...(ctx.ir.overlay.vpcs.find((v) => v.name === nodeVm?.vpc)?.peers ?? [])]);
      const senders: EndpointInstance[] = [
        ...ctx.ir.overlay.vms.filter((v) => !nodeNames.has(v.name) && reachVpcs.has(v.vpc)).flatMap((v) => ctx.paths.instances({ vm: v.name })),
        ...ctx.paths.instances({ external: '0.0.0.0/0' }),
      ];
      for (const node of cluster.nodes) {
        const target = ctx.paths.instances({ vm: node.name })[0];
        if (!target) continue;
        const open = senders.filter((s) => ctx.paths.paths(s, target, { proto: 'udp', port: cluster.cni.port }).some((p) => p.verdict === 'allow'));
        if (open.length === 0) continue;
        ctx.report(node.origin, `${listSome(open.map((s) => s.name))} can send to node ${node.name}'s flannel VXLAN port (UDP ${cluster.cni.port}) and so inject packets into cluster ${cluster.name}'s pod network`, {
          hint: `allow UDP ${cluster.cni.port} only from the cluster's nodes`,
        });
      }
    }
  },
};
