// Groups pods into the workloads the listing names: `ns/name[Kind]` of the top controller, or the pod itself.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { K8sObjects, K8sPod } from '../k8s/k8s-objects.js';
import type { PolicyAnalysis } from './policy-engine.js';

export interface WorkloadPeer {
  readonly type: 'workload';
  readonly namespace: string;
  readonly name: string;
  /** The owner's kind; `Pod` for bare pods and owners whose reference gave no kind. */
  readonly kind: string;
  /** `namespace/name[Kind]`. */
  readonly label: string;
  /** The pod class standing for the workload: its first pod's. */
  readonly podClass: number;
}

export function workloadLabel(pod: K8sPod): string {
  return `${pod.namespace}/${pod.owner?.name ?? pod.name}[${pod.owner?.kind || 'Pod'}]`;
}

/**
 * Workloads in first-seen order. A workload is analysed through its first pod, as the oracle analyses one
 * pod per owner; when its pods are not all treated alike by the policies, that choice matters, so say so.
 */
export function workloadPeers(objects: K8sObjects, analysis: PolicyAnalysis): { peers: WorkloadPeer[]; diagnostics: Diagnostic[] } {
  const byLabel = new Map<string, WorkloadPeer>();
  const diagnostics: Diagnostic[] = [];
  const warned = new Set<string>();
  objects.pods.forEach((pod, i) => {
    const label = workloadLabel(pod);
    const podClass = analysis.pods.classOfPod[i]!;
    const existing = byLabel.get(label);
    if (!existing) {
      byLabel.set(label, {
        type: 'workload',
        namespace: pod.namespace,
        name: pod.owner?.name ?? pod.name,
        kind: pod.owner?.kind || 'Pod',
        label,
        podClass,
      });
      return;
    }
    const behavior = analysis.behaviors.behaviorOfClass;
    if (behavior[existing.podClass] !== behavior[podClass] && !warned.has(label)) {
      warned.add(label);
      diagnostics.push({
        code: 'k8s-workload-pods-differ',
        severity: 'warning',
        message: `pod ${pod.name} of ${label} has labels or ports that policies treat differently from the workload's first pod; the listing uses the first pod`,
        location: pod.location,
        related: [],
        hint: 'give all pods of one owner the same labels and container ports',
      });
    }
  });
  return { peers: [...byLabel.values()], diagnostics };
}
