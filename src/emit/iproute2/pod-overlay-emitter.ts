// Output target `iproute2` (Kubernetes nodes): vms/<node>/pod-overlay.sh, flannel's pod overlay as a POSIX sh script.
import type { Emitter, OutputFile } from '../emitter.js';
import type { ClusterIR, ClusterNodeIR } from '../../ir/cluster-ir.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import { naturalCompare } from '../../ir/natural-order.js';
import { renderTemplate } from '../render-template.js';
import { buildPodOverlayUnsupportedView, buildPodOverlayView } from './pod-overlay-view-builder.js';

export const podOverlayEmitter: Emitter = {
  target: 'iproute2',
  summary: 'vms/<node>/pod-overlay.sh: flannel vxlan (or host-gw) pod overlay on each node VM: cni0, flannel.<vni>, routes, masquerade',
  emit(ir: TopologyIR): OutputFile[] {
    return ir.clusters
      .flatMap((cluster) => cluster.nodes.map((node) => ({ cluster, node })))
      .sort((a, b) => naturalCompare(a.node.name, b.node.name))
      .map(({ cluster, node }) => ({
        path: `vms/${node.name}/pod-overlay.sh`,
        contents: render(cluster, node),
        executable: true,
      }));
  },
};

function render(cluster: ClusterIR, node: ClusterNodeIR): string {
  if (cluster.cni.backend === 'wireguard') {
    return renderTemplate('iproute2', 'pod-overlay-unsupported.sh', buildPodOverlayUnsupportedView(cluster, node));
  }
  return renderTemplate('iproute2', 'pod-overlay.sh', buildPodOverlayView(cluster, node));
}
