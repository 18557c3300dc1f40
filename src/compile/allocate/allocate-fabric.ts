// Allocates every fabric value (ids, ASNs, loopbacks, spine slots, host ports, /31s) stably, and the new lock.
import type { DataPath } from '../../source/data-path.js';
import type { FabricSpec } from '../../spec/spec-types.js';
import type { FabricPlan, SwitchDecl } from '../fabric-plan.js';
import type { LockFile, SwitchLock } from '../lock-file.js';
import { formatAddress, parseAddress, parsePrefix } from '../../ir/ipv4.js';
import { type AllocationContext, type Pool, type PoolRequest, allocateStable } from './stable-pool.js';
import { type AsnRange, formatAsnRange, parseAsnRange } from './asn-range.js';
import { isReservedAsn } from '../../ir/asn.js';
import { lockedPortLimits } from './locked-port-limits.js';
import {
  DEFAULT_LEAF_ASN,
  DEFAULT_RADIX,
  DEFAULT_SPINE_ASN_THREE_TIER,
  DEFAULT_SPINE_ASN_TWO_TIER,
  DEFAULT_SUPER_SPINE_ASN,
  MAX_SLOT,
} from './fabric-defaults.js';

export type FabricLock = Pick<LockFile, 'switches' | 'pods' | 'racks' | 'hosts' | 'links'>;

export interface FabricAllocation {
  readonly switchId: ReadonlyMap<string, number>;
  readonly asn: ReadonlyMap<string, number>;
  readonly loopback: ReadonlyMap<string, number>;
  /** Three tiers: spine → its port number on the super-spines. */
  readonly slot: ReadonlyMap<string, number>;
  readonly hostPort: ReadonlyMap<string, number>;
  readonly hostLoopback: ReadonlyMap<string, number>;
  /** Numbered links: `upper/lower` → network address of the /31. */
  readonly linkSubnet: ReadonlyMap<string, number>;
  readonly lock: FabricLock;
}

/** The fabric's links as (upper, lower) switch pairs, in a deterministic order. */
export function fabricLinkPairs(plan: FabricPlan): [SwitchDecl, SwitchDecl][] {
  const pairs: [SwitchDecl, SwitchDecl][] = [];
  for (const superSpine of plan.superSpines) {
    for (const pod of plan.pods) for (const spine of pod.spines) pairs.push([superSpine, spine]);
  }
  for (const pod of plan.pods) {
    for (const spine of pod.spines) for (const leaf of pod.leaves) pairs.push([spine, leaf]);
  }
  return pairs;
}

export function rackKey(decl: SwitchDecl): string {
  return decl.pod ? `${decl.pod}/${decl.rack}` : String(decl.rack);
}

export function allocateFabric(fabric: FabricSpec, plan: FabricPlan, lock: LockFile, ctx: AllocationContext): FabricAllocation {
  const allSwitches = [...plan.superSpines, ...plan.pods.flatMap((p) => [...p.spines, ...p.leaves])];
  const lockOf = (name: string): SwitchLock => lock.switches[name] ?? {};
  const pinPath = (decl: { path: DataPath; generated?: boolean }, field: string): DataPath =>
    decl.generated ? decl.path : [...decl.path, field];
  const radix = fabric.radix ?? DEFAULT_RADIX;
  const limits = lockedPortLimits(radix);

  // Ids: super-spines share one scope; spines and leaves are scoped to their pod. An id is a port number on the
  // other tier (see build-fabric-ir.ts), so a locked one must fit the radix and miss the spines' uplinks.
  const switchId = new Map<string, number>();
  const idPool = (path: DataPath, refuseLocked = limits.withinRadix): Pool => ({
    what: 'id',
    text: `1-${MAX_SLOT}`,
    first: 1,
    last: MAX_SLOT,
    format: String,
    path,
    refuseLocked,
    refusedBy: ['fabric', 'radix'],
  });
  const idScopes: { decls: readonly SwitchDecl[]; path: DataPath; leaves?: true }[] = [
    { decls: plan.superSpines, path: ['fabric', 'superSpines'] },
    ...plan.pods.flatMap((pod) => [
      { decls: pod.spines, path: [...pod.path, 'spines'] },
      { decls: pod.leaves, path: [...pod.path, 'leaves'], leaves: true as const },
    ]),
  ];
  for (const scope of idScopes) {
    const requests = scope.decls.map((d) => switchRequest(d, d.pins.id, lockOf(d.name).id, pinPath(d, 'id'), 'id'));
    // A leaf's id is its port on the spines, which in three tiers also have uplinks to the super-spines (ids known by now).
    const refuse = scope.leaves ? limits.offUplinks(limits.uplinks(plan.superSpines, switchId, "the spines' uplink")) : limits.withinRadix;
    for (const [k, v] of allocateStable(requests, idPool(scope.path, refuse), ctx)) switchId.set(k, v);
  }

  // Three tiers: each spine's port on the super-spines, fabric-wide.
  const slot = new Map<string, number>();
  if (plan.tiers === 3) {
    const requests = plan.pods.flatMap((p) => p.spines).map((d) => switchRequest(d, undefined, lockOf(d.name).slot, d.path, 'slot'));
    for (const [k, v] of allocateStable(requests, idPool(['fabric', 'pods']), ctx)) slot.set(k, v);
  }

  // ASNs.
  const asn = new Map<string, number>();
  const asnSpec = fabric.asn ?? {};
  const asnPool = (what: string, range: AsnRange, path: DataPath): Pool => ({
    what,
    text: formatAsnRange(range),
    first: range.low,
    last: range.high,
    format: String,
    path,
    reserved: (asn) => (isReservedAsn(asn) ? 'reserved and cannot be used in BGP' : undefined),
  });
  const superSpineAsn = asnSpec.superSpine ?? DEFAULT_SUPER_SPINE_ASN;
  for (const d of plan.superSpines) asn.set(d.name, superSpineAsn);
  const spineRange =
    parseAsnRange(asnSpec.spine ?? (plan.tiers === 3 ? DEFAULT_SPINE_ASN_THREE_TIER : DEFAULT_SPINE_ASN_TWO_TIER)) ?? { low: 0, high: -1 };
  if (plan.tiers === 2) {
    for (const d of plan.pods[0]?.spines ?? []) asn.set(d.name, spineRange.low);
  } else {
    const requests: PoolRequest[] = plan.pods.map((pod) => ({
      key: String(pod.name),
      label: `pod ${pod.name}`,
      pinned: pod.pins.asn,
      pinPath: [...pod.path, 'asn'],
      locked: lock.pods[String(pod.name)]?.asn,
      lockPath: ['pods', String(pod.name), 'asn'],
      path: pod.path,
    }));
    const podAsn = allocateStable(requests, asnPool('spine ASN', spineRange, ['fabric', 'asn', 'spine']), ctx);
    for (const pod of plan.pods) {
      const value = podAsn.get(String(pod.name));
      if (value !== undefined) for (const d of pod.spines) asn.set(d.name, value);
    }
  }
  const leafRange = parseAsnRange(asnSpec.leaf ?? DEFAULT_LEAF_ASN) ?? { low: 0, high: -1 };
  const leaves = plan.pods.flatMap((p) => p.leaves);
  const units = new Map<string, SwitchDecl[]>();
  for (const leaf of leaves) {
    const key = leaf.rack === undefined ? `leaf:${leaf.name}` : `rack:${rackKey(leaf)}`;
    units.set(key, [...(units.get(key) ?? []), leaf]);
  }
  const leafRequests: PoolRequest[] = [...units].map(([key, members]) => {
    const pinned = members.find((m) => m.pins.asn !== undefined);
    const first = members[0] as SwitchDecl;
    const locked = first.rack === undefined ? lockOf(first.name).asn : lock.racks[rackKey(first)]?.asn;
    return {
      key,
      label: first.rack === undefined ? `leaf ${first.name}` : `rack ${first.rack}`,
      pinned: pinned?.pins.asn,
      pinPath: pinned ? [...pinned.path, 'asn'] : undefined,
      locked,
      lockPath: first.rack === undefined ? ['switches', first.name, 'asn'] : ['racks', rackKey(first), 'asn'],
      path: first.path,
    };
  });
  const leafAsn = allocateStable(leafRequests, asnPool('leaf ASN', leafRange, ['fabric', 'asn', 'leaf']), ctx);
  for (const [key, members] of units) {
    const value = leafAsn.get(key);
    if (value !== undefined) for (const m of members) asn.set(m.name, value);
  }

  // Loopbacks: switches first, then hosts, all from one pool.
  const loopbackPrefix = parsePrefix(fabric.loopbacks);
  const loopback = new Map<string, number>();
  const hostLoopback = new Map<string, number>();
  if (loopbackPrefix) {
    const inner = loopbackPrefix.length <= 30;
    const pool: Pool = {
      what: 'loopback address',
      text: fabric.loopbacks,
      first: loopbackPrefix.base + (inner ? 1 : 0),
      last: loopbackPrefix.base + loopbackPrefix.size - (inner ? 2 : 1),
      format: formatAddress,
      path: ['fabric', 'loopbacks'],
    };
    const requests: PoolRequest[] = allSwitches.map((d) =>
      switchRequest(d, addressPin(d.pins.loopback), addressPin(lockOf(d.name).loopback), pinPath(d, 'loopback'), 'loopback'),
    );
    // Hypervisors get an underlay address too: `host:<name>` in rules resolves to it.
    for (const h of plan.hosts) {
      requests.push({
        key: `host:${h.name}`,
        label: `host ${h.name}`,
        pinned: addressPin(h.pins.loopback),
        pinPath: [...h.path, 'loopback'],
        locked: addressPin(lock.hosts[h.name]?.loopback),
        lockPath: ['hosts', h.name, 'loopback'],
        path: h.path,
      });
    }
    for (const [k, v] of allocateStable(requests, pool, ctx)) {
      if (k.startsWith('host:')) hostLoopback.set(k.slice(5), v);
      else loopback.set(k, v);
    }
  }

  // Host ports, per leaf; a locked one must fit the radix and miss the leaf's uplinks to its spines.
  const hostPort = new Map<string, number>();
  const hostsByLeaf = new Map<string, typeof plan.hosts>();
  for (const h of plan.hosts) hostsByLeaf.set(h.leaf, [...(hostsByLeaf.get(h.leaf) ?? []), h]);
  const spinesOf = new Map(plan.pods.flatMap((p) => p.leaves.map((l) => [l.name, p.spines] as const)));
  for (const [leaf, hosts] of hostsByLeaf) {
    const requests: PoolRequest[] = hosts.map((h) => ({
      key: h.name,
      label: `host ${h.name}`,
      pinned: h.pins.port,
      pinPath: [...h.path, 'port'],
      locked: lock.hosts[h.name]?.port,
      lockPath: ['hosts', h.name, 'port'],
      path: h.path,
    }));
    const pool: Pool = {
      what: `port on ${leaf}`,
      text: `1-${MAX_SLOT}`,
      first: 1,
      last: MAX_SLOT,
      format: (n) => `swp${n}`,
      path: ['fabric', 'hosts'],
      refuseLocked: limits.offUplinks(limits.uplinks(spinesOf.get(leaf) ?? [], switchId, `${leaf}'s uplink`)),
      refusedBy: ['fabric', 'radix'],
    };
    for (const [k, v] of allocateStable(requests, pool, ctx)) hostPort.set(k, v);
  }

  // Numbered links: one /31 each, indexes into the link prefix.
  const linkSubnet = new Map<string, number>();
  const linkPrefix = fabric.links && fabric.links !== 'unnumbered' ? parsePrefix(fabric.links) : undefined;
  if (linkPrefix) {
    const pool: Pool = {
      what: '/31 link subnet',
      text: String(fabric.links),
      first: 0,
      last: linkPrefix.size / 2 - 1,
      format: (i) => `${formatAddress(linkPrefix.base + 2 * i)}/31`,
      path: ['fabric', 'links'],
    };
    const requests: PoolRequest[] = fabricLinkPairs(plan).map(([upper, lower]) => {
      const key = `${upper.name}/${lower.name}`;
      const lockedText = lock.links[key];
      const lockedBase = lockedText ? parsePrefix(lockedText) : undefined;
      const locked = lockedBase && lockedBase.length === 31 ? (lockedBase.base - linkPrefix.base) / 2 : undefined;
      return { key, label: `link ${upper.name}–${lower.name}`, locked, lockPath: ['links', key], path: lower.path };
    });
    for (const [k, v] of allocateStable(requests, pool, ctx)) linkSubnet.set(k, linkPrefix.base + 2 * v);
  }

  return {
    switchId,
    asn,
    loopback,
    slot,
    hostPort,
    hostLoopback,
    linkSubnet,
    lock: buildLock(plan, { switchId, asn, loopback, slot, hostPort, hostLoopback, linkSubnet }, units, leafAsn),
  };
}

function switchRequest(d: SwitchDecl, pinned: number | undefined, locked: number | undefined, pinPath: DataPath, field: keyof SwitchLock): PoolRequest {
  return { key: d.name, label: `${d.role} ${d.name}`, pinned, pinPath, locked, lockPath: ['switches', d.name, field], path: d.path };
}

function addressPin(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseAddress(text);
}

function buildLock(
  plan: FabricPlan,
  a: Omit<FabricAllocation, 'lock'>,
  units: ReadonlyMap<string, SwitchDecl[]>,
  leafAsn: ReadonlyMap<string, number>,
): FabricLock {
  const switches: Record<string, SwitchLock> = {};
  const racks: Record<string, { asn?: number }> = {};
  const pods: Record<string, { asn?: number }> = {};
  for (const d of [...plan.superSpines, ...plan.pods.flatMap((p) => [...p.spines, ...p.leaves])]) {
    const lo = a.loopback.get(d.name);
    const isLeaf = d.role === 'leaf' || d.role === 'border';
    switches[d.name] = {
      id: a.switchId.get(d.name),
      asn: isLeaf && d.rack === undefined ? a.asn.get(d.name) : undefined,
      loopback: lo === undefined ? undefined : formatAddress(lo),
      slot: a.slot.get(d.name),
    };
  }
  for (const [key, members] of units) {
    const first = members[0];
    if (first?.rack !== undefined) racks[rackKey(first)] = { asn: leafAsn.get(key) };
  }
  for (const pod of plan.pods) {
    const spine = pod.spines[0];
    if (pod.name !== undefined && spine) pods[pod.name] = { asn: a.asn.get(spine.name) };
  }
  const hosts: Record<string, { port?: number; loopback?: string }> = {};
  for (const h of plan.hosts) {
    const lo = a.hostLoopback.get(h.name);
    hosts[h.name] = { port: a.hostPort.get(h.name), loopback: lo === undefined ? undefined : formatAddress(lo) };
  }
  const links: Record<string, string> = {};
  for (const [k, v] of a.linkSubnet) links[k] = `${formatAddress(v)}/31`;
  return { switches, pods, racks, hosts, links };
}
