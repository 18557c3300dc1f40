// One reason the Kubernetes API would reject an object, at a path inside that object.
import type { DataPath } from '../../source/data-path.js';

export interface K8sObjectProblem {
  /** Relative to the object's root (`spec.ingress[0].ports[0].port`); prefix the object's own path to locate it. */
  readonly path: DataPath;
  /** A sentence without the path, e.g. `must be a mapping, not a string`. */
  readonly message: string;
}
