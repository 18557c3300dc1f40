// For policies that see host-network pods by their node address: which ipBlocks hold each such pod.
import { parseIpv4 } from '../k8s/ipv4-cidr.js';
import type { BehaviorClasses } from './behavior-classes.js';
import type { CompiledPolicies } from './compiled-policies.js';
import type { PodClasses } from './pod-classes.js';

export interface HostAddressBlocks {
  /** Per class, a key naming the blocks holding its node address ('' for other classes), to tell behaviours apart. */
  readonly keys: readonly string[];
  /** Per block, the behaviours of the host-network classes whose node address it holds. */
  behaviorsOfBlock(behaviors: BehaviorClasses): Map<number, Int32Array>;
}

export function hostAddressBlocks(pods: PodClasses, compiled: CompiledPolicies): HostAddressBlocks {
  const keys = pods.classes.map(() => '');
  const classesOfBlock = new Map<number, number[]>();
  for (const cls of pods.classes) {
    // A host-network pod without a known node address can match no ipBlock.
    const address = cls.hostNetwork && cls.hostIP ? parseIpv4(cls.hostIP) : undefined;
    if (address === undefined) continue;
    const holding: number[] = [];
    compiled.ipBlocks.forEach((ranges, id) => {
      if (ranges.some((r) => r.first <= address && address <= r.last)) {
        holding.push(id);
        let list = classesOfBlock.get(id);
        if (!list) classesOfBlock.set(id, (list = []));
        list.push(cls.index);
      }
    });
    keys[cls.index] = 'host:' + holding.join(',');
  }
  return {
    keys,
    behaviorsOfBlock(behaviors) {
      const out = new Map<number, Int32Array>();
      for (const [block, classes] of classesOfBlock) {
        out.set(block, Int32Array.from(new Set(classes.map((c) => behaviors.behaviorOfClass[c]!))));
      }
      return out;
    },
  };
}
