// The cluster's v1 Nodes: the pod subnet thrice allocated and the annotations flannel's kube subnet manager writes.
import type { ClusterIR, ClusterNodeIR, CniIR } from '../../ir/cluster-ir.js';
import type { ManifestObject } from './manifest-object.js';

/** flanneld's default `--kube-annotation-prefix`. */
const PREFIX = 'flannel.alpha.coreos.com';

/**
 * `backend-data` as flanneld writes it (Go's compact JSON of the backend's lease attributes). A VXLAN lease
 * carries the node's VTEP, which peers use for their neighbour and FDB entries; host-gw has none (Go
 * marshals nil as `null`); wireguard's holds the public key the node generates at start, which thrice
 * cannot know, so the annotation is left to flanneld.
 */
const BACKEND_DATA: Readonly<Record<CniIR['backend'], (cni: CniIR, node: ClusterNodeIR) => string | undefined>> = {
  vxlan: (cni, node) => JSON.stringify({ VNI: cni.vni, VtepMAC: node.vtepMac }),
  'host-gw': () => 'null',
  wireguard: () => undefined,
};

/** Sorted by name, as the IR keeps them. */
export function buildNodes(cluster: ClusterIR): ManifestObject[] {
  return cluster.nodes.map((node) => nodeObject(cluster, node));
}

function nodeObject(cluster: ClusterIR, node: ClusterNodeIR): ManifestObject {
  const backendData = BACKEND_DATA[cluster.cni.backend](cluster.cni, node);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: node.name,
      annotations: {
        [`${PREFIX}/backend-type`]: cluster.cni.backend,
        ...(backendData === undefined ? {} : { [`${PREFIX}/backend-data`]: backendData }),
        [`${PREFIX}/kube-subnet-manager`]: 'true',
        // Where peers reach this node (the VXLAN outer destination, the host-gw next hop): its VPC address.
        [`${PREFIX}/public-ip`]: node.address,
      },
    },
    // No status: the kubelet reports addresses and conditions, and apply ignores status anyway.
    spec: { podCIDR: node.podSubnet, podCIDRs: [node.podSubnet] },
  };
}
