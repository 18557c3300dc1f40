// Groups pods into equivalence classes: pods no policy can tell apart (namespace, labels, named ports, host network).
import type { K8sObjects, Labels, Protocol } from '../k8s/k8s-objects.js';
import { NAMESPACE_NAME_LABEL } from '../k8s/k8s-objects.js';

export interface NamedPort {
  readonly protocol: Protocol;
  readonly port: number;
}

export interface PodClass {
  readonly index: number;
  readonly namespace: string;
  readonly namespaceLabels: Labels;
  readonly labels: Labels;
  /** The first container port of each name, as named-port resolution picks it. */
  readonly namedPorts: ReadonlyMap<string, NamedPort>;
  readonly hostNetwork: boolean;
  readonly hostIP?: string;
}

export interface PodClasses {
  readonly classes: readonly PodClass[];
  /** Class index of `objects.pods[i]`. */
  readonly classOfPod: Int32Array;
  readonly classesByNamespace: ReadonlyMap<string, readonly number[]>;
  /** Every namespace, declared or only referenced by a pod, with its labels. */
  readonly namespaces: ReadonlyMap<string, Labels>;
}

export interface PodClassOptions {
  /** Whether host-network pods are told apart by their host address (only when policies see them as addresses). */
  readonly keyHostIP: boolean;
}

export function buildPodClasses(objects: K8sObjects, options: PodClassOptions): PodClasses {
  const namespaces = new Map<string, Labels>();
  for (const ns of objects.namespaces) namespaces.set(ns.name, ns.labels);
  const classes: PodClass[] = [];
  const classOfPod = new Int32Array(objects.pods.length);
  const byKey = new Map<string, number>();
  const byNamespace = new Map<string, number[]>();
  // Controllers share one labels object among their pods; remember its canonical text by identity.
  const labelText = new WeakMap<object, string>();

  objects.pods.forEach((pod, podIndex) => {
    let nsLabels = namespaces.get(pod.namespace);
    if (nsLabels === undefined) {
      // A namespace only referenced by pods exists with the label the API server gives it.
      nsLabels = { [NAMESPACE_NAME_LABEL]: pod.namespace };
      namespaces.set(pod.namespace, nsLabels);
    }
    let labels = labelText.get(pod.labels);
    if (labels === undefined) {
      labels = JSON.stringify(Object.entries(pod.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      labelText.set(pod.labels, labels);
    }
    const namedPorts = new Map<string, NamedPort>();
    for (const port of pod.containerPorts) {
      if (port.name && !namedPorts.has(port.name)) namedPorts.set(port.name, { protocol: port.protocol, port: port.containerPort });
    }
    const portsText = [...namedPorts].map(([name, p]) => `${name}=${p.protocol}/${p.port}`).sort().join(',');
    const hostIP = pod.hostNetwork && options.keyHostIP ? (pod.hostIP ?? '') : '';
    const key = `${pod.namespace}\u0000${labels}\u0000${portsText}\u0000${pod.hostNetwork ? 'host' : ''}\u0000${hostIP}`;
    let index = byKey.get(key);
    if (index === undefined) {
      index = classes.length;
      byKey.set(key, index);
      classes.push({
        index,
        namespace: pod.namespace,
        namespaceLabels: nsLabels,
        labels: pod.labels,
        namedPorts,
        hostNetwork: pod.hostNetwork,
        ...(hostIP ? { hostIP } : {}),
      });
      let list = byNamespace.get(pod.namespace);
      if (!list) byNamespace.set(pod.namespace, (list = []));
      list.push(index);
    }
    classOfPod[podIndex] = index;
  });
  return { classes, classOfPod, classesByNamespace: byNamespace, namespaces };
}
