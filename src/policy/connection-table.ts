// Interns connection sets as small integers and memoises union/intersection, so hot loops compare numbers.
// Memo keys pack two ids into one number, exact while ids stay below 2^26 distinct sets.
import {
  ALL_CONNECTIONS,
  type ConnectionSet,
  NO_CONNECTIONS,
  connectionKey,
  intersectConnections,
  unionConnections,
} from './connection-set.js';

export type ConnectionId = number;

export const NONE: ConnectionId = 0;
export const ALL: ConnectionId = 1;

export class ConnectionTable {
  readonly #sets: ConnectionSet[] = [];
  readonly #ids = new Map<string, ConnectionId>();
  readonly #unions = new Map<number, ConnectionId>();
  readonly #intersections = new Map<number, ConnectionId>();

  constructor() {
    this.intern(NO_CONNECTIONS);
    this.intern(ALL_CONNECTIONS);
  }

  intern(set: ConnectionSet): ConnectionId {
    const key = connectionKey(set);
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#sets.length;
      this.#sets.push(set);
      this.#ids.set(key, id);
    }
    return id;
  }

  get(id: ConnectionId): ConnectionSet {
    return this.#sets[id]!;
  }

  union(a: ConnectionId, b: ConnectionId): ConnectionId {
    if (a === b || b === NONE || a === ALL) return a;
    if (a === NONE || b === ALL) return b;
    const key = a < b ? a * 0x4000000 + b : b * 0x4000000 + a;
    let id = this.#unions.get(key);
    if (id === undefined) {
      id = this.intern(unionConnections(this.get(a), this.get(b)));
      this.#unions.set(key, id);
    }
    return id;
  }

  intersect(a: ConnectionId, b: ConnectionId): ConnectionId {
    if (a === b || b === ALL || a === NONE) return a;
    if (a === ALL || b === NONE) return b;
    const key = a < b ? a * 0x4000000 + b : b * 0x4000000 + a;
    let id = this.#intersections.get(key);
    if (id === undefined) {
      id = this.intern(intersectConnections(this.get(a), this.get(b)));
      this.#intersections.set(key, id);
    }
    return id;
  }
}
