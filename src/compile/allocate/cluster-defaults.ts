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

/**
 * Per-packet overhead flannel subtracts from the node's MTU for the pod network: VXLAN 50; WireGuard 80 (flannel's
 * `overhead` constant: an IPv6 outer header's worth, even on IPv4); host-gw routes without encapsulation.
 */
export const BACKEND_OVERHEAD: Readonly<Record<ClusterSettings['backend'], number>> = { vxlan: 50, 'host-gw': 0, wireguard: 80 };

/**
 * `cni.port` is the backend's UDP port: VXLAN `Port` (flannel's default, the kernel's 8472) or WireGuard `ListenPort`
 * (flannel's default 51820). host-gw uses none; the VXLAN default is kept so the IR's shape does not depend on it.
 */
const DEFAULT_PORT: Readonly<Record<ClusterSettings['backend'], number>> = { vxlan: 8472, 'host-gw': 8472, wireguard: 51820 };

/** The device flanneld creates: `flannel.<vni>` (vxlan), `flannel-wg` (wireguard); host-gw creates none (the name is unused). */
export function flannelDevice(backend: ClusterSettings['backend'], vni: number): string {
  return backend === 'wireguard' ? 'flannel-wg' : `flannel.${vni}`;
}

export function clusterDefaults(cluster: ClusterSpec): ClusterSettings {
  const backend = cluster.cni?.backend ?? 'vxlan';
  return {
    podCidr: cluster.podCidr ?? '10.244.0.0/16',
    serviceCidr: cluster.serviceCidr ?? '10.96.0.0/12',
    nodeCidrSize: cluster.nodeCidrSize ?? 24,
    backend,
    vni: cluster.cni?.vni ?? 1,
    port: cluster.cni?.port ?? DEFAULT_PORT[backend],
  };
}
