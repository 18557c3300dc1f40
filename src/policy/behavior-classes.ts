// Merges pod classes that every policy treats alike (same isolating policies, same rule peers, same resolved named ports).
import type { CompiledPolicies } from './compiled-policies.js';
import type { PodClasses } from './pod-classes.js';

export interface BehaviorClasses {
  readonly behaviorOfClass: Int32Array;
  /** One pod class per behaviour, whose policies and ports stand for all of it. */
  readonly representatives: readonly number[];
  /** Per selector peer, the behaviours it matches (no repeats). */
  readonly peerBehaviors: readonly Int32Array[];
}

/**
 * `extraMembership[c]` adds facts beyond selector peers that make a class behave differently
 * (the ipBlocks holding a host-network pod's address, when policies see such pods by address).
 */
export function buildBehaviorClasses(
  pods: PodClasses,
  compiled: CompiledPolicies,
  extraMembership: readonly string[] | undefined,
): BehaviorClasses {
  const classCount = pods.classes.length;
  const memberships: number[][] = pods.classes.map(() => []);
  compiled.selectorPeerClasses.forEach((classes, peer) => {
    for (const c of classes) memberships[c]!.push(peer);
  });
  // Only names some rule mentions can change what a class allows.
  const referenced = [...new Set(compiled.rulePorts.flatMap((p) => p.named.map((n) => n.name)))].sort();

  const behaviorOfClass = new Int32Array(classCount);
  const representatives: number[] = [];
  const byKey = new Map<string, number>();
  for (let c = 0; c < classCount; c++) {
    const cls = pods.classes[c]!;
    const ports = referenced.map((name) => {
      const p = cls.namedPorts.get(name);
      return p ? `${p.protocol}/${p.port}` : '-';
    });
    const key = [
      compiled.ingressPolicies[c]!.join(','),
      compiled.egressPolicies[c]!.join(','),
      memberships[c]!.join(','),
      ports.join(','),
      extraMembership?.[c] ?? '',
    ].join('|');
    let behavior = byKey.get(key);
    if (behavior === undefined) {
      behavior = representatives.length;
      representatives.push(c);
      byKey.set(key, behavior);
    }
    behaviorOfClass[c] = behavior;
  }

  const seen = new Int32Array(representatives.length).fill(-1);
  const peerBehaviors = compiled.selectorPeerClasses.map((classes, peer) => {
    const out: number[] = [];
    for (const c of classes) {
      const b = behaviorOfClass[c]!;
      if (seen[b] !== peer) {
        seen[b] = peer;
        out.push(b);
      }
    }
    return Int32Array.from(out);
  });
  return { behaviorOfClass, representatives, peerBehaviors };
}
