// Rule: a pod overlay shares its UDP port with the VPC overlay below it, or with another cluster's overlay in the same VPC.
import { VPC_VXLAN_PORT } from '../../ir/encapsulation.js';
import type { ClusterIR } from '../../ir/cluster-ir.js';
import type { AnalysisRule, FindingPlace } from '../analysis-rule.js';
import type { Spec } from '../../spec/spec-types.js';

/** The cluster's `cni.port` as written, else `cni`, else the cluster (the port is then flannel's default). */
function portPlace(cluster: ClusterIR, spec: Spec): FindingPlace {
  const cni = spec.clusters?.[cluster.origin[1] as number]?.cni;
  if (cni?.port !== undefined) return [...cluster.origin, 'cni', 'port'];
  return cni ? [...cluster.origin, 'cni'] : cluster.origin;
}

export const vniPortCollision: AnalysisRule = {
  code: 'vni-port-collision',
  severity: 'warning',
  summary: 'Two VXLAN overlays at different layers, or two clusters in one VPC, share a UDP port.',
  docs:
    'A VXLAN packet is recognised by its UDP destination port and told apart from other overlays only by its VNI, ' +
    'which nothing authenticates. Two clusters of one VPC whose flannel overlays use the same port and the same VNI ' +
    '(possible when both rely on flannel\'s defaults) are one overlay to the kernel: a node decapsulates the other ' +
    'cluster\'s packets into its own pod network (an error). With the same port and different VNIs they are kept apart ' +
    'only by that unauthenticated number, and every security group or firewall rule admitting one cluster\'s tunnel port ' +
    'admits the other\'s (a warning). A flannel overlay on UDP 4789 inside a VPC that the fabric carries as VXLAN on ' +
    '4789 puts the same port at two nested layers: any filter, capture or NIC offload keyed on 4789 treats pod tunnels ' +
    'and VPC tunnels alike, and a rule meant for the fabric VTEPs matches node-to-node pod traffic (a warning). ' +
    'Fix: give each cluster of a VPC its own flannel port and VNI, and keep flannel off 4789 (its default is 8472).',
  check(ctx) {
    const vxlan = ctx.ir.clusters.filter((c) => c.cni.backend === 'vxlan' && c.vpc !== undefined && c.nodes.length > 0);
    for (const cluster of vxlan) {
      if (ctx.ir.fabric && cluster.cni.port === VPC_VXLAN_PORT) {
        ctx.report(portPlace(cluster, ctx.spec), `cluster ${cluster.name}'s flannel overlay uses UDP ${VPC_VXLAN_PORT}, the port the fabric carries VPC ${cluster.vpc} on: filters and offloads keyed on it cannot tell the two layers apart`, {
          hint: 'use flannel\'s default port 8472',
        });
      }
    }
    // Clusters of one VPC by port: the first in name order is the reference the others are reported against.
    const byPort = new Map<string, ClusterIR>();
    for (const cluster of vxlan) {
      const key = `${cluster.vpc}\u0000${cluster.cni.port}`;
      const other = byPort.get(key);
      if (!other) {
        byPort.set(key, cluster);
        continue;
      }
      const sameVni = other.cni.vni === cluster.cni.vni;
      const message = sameVni
        ? `clusters ${other.name} and ${cluster.name} in VPC ${cluster.vpc} both run flannel VXLAN with VNI ${cluster.cni.vni} on UDP ${cluster.cni.port}: each cluster's nodes decapsulate the other's pod traffic`
        : `clusters ${other.name} and ${cluster.name} in VPC ${cluster.vpc} share flannel UDP port ${cluster.cni.port} (VNIs ${other.cni.vni} and ${cluster.cni.vni}): only the unauthenticated VNI keeps their pod overlays apart`;
      ctx.report(portPlace(cluster, ctx.spec), message, {
        severity: sameVni ? 'error' : 'warning',
        related: [{ at: portPlace(other, ctx.spec), message: `cluster ${other.name}'s overlay` }],
        hint: 'give each cluster of a VPC its own flannel port and VNI',
      });
    }
  },
};
