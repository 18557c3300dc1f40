// Normalises the fabric section (counts or lists, two or three tiers) into one plan of declared objects.
import type { DataPath } from '../source/data-path.js';
import type { FabricSpec, LeafItem, SwitchItem } from '../spec/spec-types.js';
import type { SwitchRole } from '../ir/fabric-ir.js';

/** Pinned values as written in the spec; validated against pools during allocation. */
export interface SwitchPins {
  readonly id?: number;
  readonly asn?: number;
  readonly loopback?: string;
}

export interface SwitchDecl {
  readonly name: string;
  readonly role: SwitchRole;
  readonly pod?: string;
  readonly rack?: string;
  readonly pins: SwitchPins;
  /** Where the switch is declared: its list item, or the count that expanded to it. */
  readonly path: DataPath;
  /** Whether the name came from a count expansion (then `path` points at the count). */
  readonly generated: boolean;
}

export interface PodDecl {
  /** Undefined for the single implicit pod of a two-tier fabric. */
  readonly name?: string;
  readonly pins: { readonly id?: number; readonly asn?: number };
  readonly path: DataPath;
  readonly spines: readonly SwitchDecl[];
  readonly leaves: readonly SwitchDecl[];
}

export interface HostDecl {
  readonly name: string;
  readonly leaf: string;
  readonly pins: { readonly port?: number; readonly loopback?: string };
  readonly path: DataPath;
}

export interface FabricPlan {
  readonly tiers: 2 | 3;
  readonly superSpines: readonly SwitchDecl[];
  readonly pods: readonly PodDecl[];
  readonly hosts: readonly HostDecl[];
}

/** Super-spines declared by count are named `superspine1..N` (names allow no capitals). */
export function planFabric(fabric: FabricSpec): FabricPlan {
  const root: DataPath = ['fabric'];
  const threeTier = fabric.pods !== undefined || fabric.superSpines !== undefined;
  const hosts: HostDecl[] = (fabric.hosts ?? []).map((h, i) => ({
    name: h.name,
    leaf: h.leaf,
    pins: { port: h.port, loopback: h.loopback },
    path: [...root, 'hosts', i],
  }));
  if (!threeTier) {
    return {
      tiers: 2,
      superSpines: [],
      pods: [
        {
          pins: {},
          path: root,
          spines: expand(fabric.spines ?? 0, 'spine', 'spine', undefined, [...root, 'spines']),
          leaves: expand(fabric.leaves ?? 0, 'leaf', 'leaf', undefined, [...root, 'leaves']),
        },
      ],
      hosts,
    };
  }
  const pods: PodDecl[] = (fabric.pods ?? []).map((pod, i) => {
    const path: DataPath = [...root, 'pods', i];
    return {
      name: pod.name,
      pins: { id: pod.id, asn: pod.asn },
      path,
      spines: expand(pod.spines, 'spine', `${pod.name}-spine`, pod.name, [...path, 'spines']),
      leaves: expand(pod.leaves, 'leaf', `${pod.name}-leaf`, pod.name, [...path, 'leaves']),
    };
  });
  return {
    tiers: 3,
    superSpines: expand(fabric.superSpines ?? 0, 'super-spine', 'superspine', undefined, [...root, 'superSpines']),
    pods,
    hosts,
  };
}

function expand(
  items: number | readonly (SwitchItem | LeafItem)[],
  role: SwitchRole,
  prefix: string,
  pod: string | undefined,
  path: DataPath,
): SwitchDecl[] {
  if (typeof items === 'number') {
    return Array.from({ length: items }, (_, i) => ({
      name: `${prefix}${i + 1}`,
      role,
      pod,
      pins: {},
      path,
      generated: true,
    }));
  }
  return items.map((item, i) => {
    if (typeof item === 'string') return { name: item, role, pod, pins: {}, path: [...path, i], generated: false };
    const leafRole = 'role' in item && item.role === 'border' ? 'border' : role;
    return {
      name: item.name,
      role: leafRole,
      pod,
      rack: 'rack' in item ? item.rack : undefined,
      pins: { id: item.id, asn: item.asn, loopback: item.loopback },
      path: [...path, i],
      generated: false,
    };
  });
}
