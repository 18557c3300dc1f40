// Defaults for cluster fields the format leaves optional: flannel's and kubeadm's own defaults.
import type { ClusterSpec } from '../../spec/spec-types.js';

export interface ClusterSettings {
  readonly podCidr: string;
  readonly serviceCidr: string;
  readonly nodeCidrSize: number;
  readonly backend: 'vxlan' | 'host-gw' | 'wireguard';
  readonly vni: number;
  readonly port: number;
}

/** Per-packet overhead of each flannel backend on IPv4 (host-gw routes without encapsulation). */
export const BACKEND_OVERHEAD: Readonly<Record<ClusterSettings['backend'], number>> = { vxlan: 50, 'host-gw': 0, wireguard: 60 };

export function clusterDefaults(cluster: ClusterSpec): ClusterSettings {
  return {
    podCidr: cluster.podCidr ?? '10.244.0.0/16',
    serviceCidr: cluster.serviceCidr ?? '10.96.0.0/12',
    nodeCidrSize: cluster.nodeCidrSize ?? 24,
    backend: cluster.cni?.backend ?? 'vxlan',
    vni: cluster.cni?.vni ?? 1,
    port: cluster.cni?.port ?? 8472,
  };
}
