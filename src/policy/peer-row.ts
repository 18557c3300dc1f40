// What one direction's rules allow, per peer behaviour and per address group; sparse when few peers are named.
import type { ConnectionId, ConnectionTable } from './connection-table.js';
import { NONE } from './connection-table.js';

/**
 * Most rows name a handful of peers and treat all others alike (`base`: what rules without `from`/`to`
 * allow, usually nothing). Such rows keep only the named peers; rows naming many peers, or whose value
 * varies for every peer, are dense arrays.
 */
export interface PeerRow {
  readonly base: ConnectionId;
  /** Peer behaviour → value, including `base`; only for peers some rule names. */
  readonly entries: ReadonlyMap<number, ConnectionId>;
  /** When present, the value of every peer behaviour, and `entries` is not consulted. */
  readonly dense?: Int32Array;
  /** Value per address group of the direction's address side. */
  readonly addresses: Int32Array;
}

export function rowValue(row: PeerRow, peer: number): ConnectionId {
  return row.dense ? row.dense[peer]! : (row.entries.get(peer) ?? row.base);
}

/** Collects a row: `all` contributions first (they form the base), then per-peer ones. */
export class PeerRowBuilder {
  #base: ConnectionId = NONE;
  readonly #entries = new Map<number, ConnectionId>();
  readonly #perPeerAll: ((peer: number) => ConnectionId)[] = [];
  readonly #addresses: Int32Array;

  constructor(
    private readonly table: ConnectionTable,
    private readonly peerCount: number,
    groupCount: number,
  ) {
    this.#addresses = new Int32Array(groupCount);
  }

  /** Every peer gets `id`. Must come before any `addPeer`. */
  addAll(id: ConnectionId): void {
    this.#base = this.table.union(this.#base, id);
  }

  /** Every peer gets a value of its own (named ports resolved per destination). */
  addAllVarying(valueOf: (peer: number) => ConnectionId): void {
    this.#perPeerAll.push(valueOf);
  }

  addPeer(peer: number, id: ConnectionId): void {
    if (id === NONE) return;
    this.#entries.set(peer, this.table.union(this.#entries.get(peer) ?? this.#base, id));
  }

  addAddressGroup(group: number, id: ConnectionId): void {
    this.#addresses[group] = this.table.union(this.#addresses[group]!, id);
  }

  build(): PeerRow {
    const base = this.#base;
    const entries = this.#entries;
    const addresses = this.#addresses;
    // Past a quarter of the peers a map costs more than an array and is slower to read.
    if (this.#perPeerAll.length === 0 && entries.size * 4 <= this.peerCount) return { base, entries, addresses };
    const dense = new Int32Array(this.peerCount).fill(base);
    for (const [peer, id] of entries) dense[peer] = id;
    for (const valueOf of this.#perPeerAll) {
      for (let peer = 0; peer < this.peerCount; peer++) dense[peer] = this.table.union(dense[peer]!, valueOf(peer));
    }
    return { base, entries: new Map(), dense, addresses };
  }
}
