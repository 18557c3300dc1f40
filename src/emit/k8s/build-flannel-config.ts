// The kube-flannel-cfg ConfigMap, shaped exactly like the one in upstream kube-flannel.yml, with the cluster's values.
import type { ClusterIR, CniIR } from '../../ir/cluster-ir.js';
import type { ManifestObject } from './manifest-object.js';

/** Where upstream kube-flannel.yml (flannel v0.2x) installs flannel and its ConfigMap. */
export const FLANNEL_NAMESPACE = 'kube-flannel';
export const FLANNEL_CONFIG_MAP = 'kube-flannel-cfg';

/** The subnet length flannel assumes when net-conf.json names none. */
const FLANNEL_DEFAULT_SUBNET_LEN = 24;

/**
 * net-conf.json `Backend` per backend, with the UDP port the VPC sees: VXLAN's VNI and Port (flannel's defaults 1 and
 * 8472), WireGuard's ListenPort (default 51820). No WireGuard `PSK`: the topology holds no secrets, and flanneld
 * authenticates peers by the per-node keys it generates and publishes in the Node annotations.
 */
const BACKENDS: Readonly<Record<CniIR['backend'], (cni: CniIR) => Readonly<Record<string, string | number>>>> = {
  vxlan: (cni) => ({ Type: 'vxlan', VNI: cni.vni, Port: cni.port }),
  'host-gw': () => ({ Type: 'host-gw' }),
  wireguard: (cni) => ({ Type: 'wireguard', ListenPort: cni.port }),
};

/** The CNI conflist the install-cni init container copies to /etc/cni/net.d/10-flannel.conflist; upstream's, unchanged. */
const CNI_CONF = {
  name: 'cbr0',
  cniVersion: '0.3.1',
  plugins: [
    { type: 'flannel', delegate: { hairpinMode: true, isDefaultGateway: true } },
    { type: 'portmap', capabilities: { portMappings: true } },
  ],
};

export function buildFlannelConfig(cluster: ClusterIR): ManifestObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: FLANNEL_CONFIG_MAP,
      namespace: FLANNEL_NAMESPACE,
      labels: { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' },
    },
    data: {
      'cni-conf.json': upstreamJson(CNI_CONF),
      'net-conf.json': upstreamJson(netConf(cluster)),
    },
  };
}

/** Keys in upstream's order (insertion order is kept by JSON.stringify, and it is fixed here). */
function netConf(cluster: ClusterIR): Record<string, unknown> {
  return {
    Network: cluster.podCidr,
    // Only with --kube-subnet-mgr off does flannel allocate by SubnetLen; it is written anyway when it differs
    // from the default so the file states the node subnet size kube-controller-manager must use too.
    ...(cluster.nodeCidrSize === FLANNEL_DEFAULT_SUBNET_LEN ? {} : { SubnetLen: cluster.nodeCidrSize }),
    EnableNFTables: false,
    Backend: BACKENDS[cluster.cni.backend](cluster.cni),
  };
}

/** Two-space indented JSON with a final newline, as the `|` blocks of kube-flannel.yml hold it. */
function upstreamJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
