// Connection sets: per-protocol port sets, "All Connections" exactly when all three protocols are full.
import { describe, expect, it } from 'vitest';
import {
  ALL_CONNECTIONS,
  NO_CONNECTIONS,
  connectionsOf,
  formatConnections,
  intersectConnections,
  isAllConnections,
  subtractConnections,
  unionConnections,
} from '../../src/policy/connection-set.js';
import { ALL, ConnectionTable, NONE } from '../../src/policy/connection-table.js';
import { ALL_PORTS, portRange } from '../../src/policy/port-set.js';

describe('connection sets', () => {
  it('prints protocols alphabetically with merged ranges', () => {
    const set = unionConnections(
      unionConnections(connectionsOf('UDP', portRange(5353, 5353)), connectionsOf('TCP', portRange(8080, 8080))),
      connectionsOf('SCTP', portRange(9003, 9003)),
    );
    expect(formatConnections(set)).toBe('SCTP 9003,TCP 8080,UDP 5353');
    expect(formatConnections(subtractConnections(connectionsOf('TCP', ALL_PORTS), connectionsOf('TCP', portRange(80, 80))))).toBe('TCP 1-79,81-65535');
  });

  it('is all connections only when TCP, UDP and SCTP are all full', () => {
    const twoFull = unionConnections(connectionsOf('TCP', ALL_PORTS), connectionsOf('UDP', ALL_PORTS));
    expect(isAllConnections(twoFull)).toBe(false);
    expect(formatConnections(twoFull)).toBe('TCP 1-65535,UDP 1-65535');
    expect(formatConnections(unionConnections(twoFull, connectionsOf('SCTP', portRange(1, 65535))))).toBe('All Connections');
    expect(formatConnections(NO_CONNECTIONS)).toBe('No Connections');
  });

  it('intersects per protocol', () => {
    const a = unionConnections(connectionsOf('TCP', portRange(1, 100)), connectionsOf('UDP', portRange(53, 53)));
    const b = connectionsOf('TCP', portRange(80, 200));
    expect(formatConnections(intersectConnections(a, b))).toBe('TCP 80-100');
    expect(intersectConnections(a, ALL_CONNECTIONS)).toEqual(a);
  });

  it('interns equal sets to one id and memoises algebra', () => {
    const table = new ConnectionTable();
    const tcp80 = table.intern(connectionsOf('TCP', portRange(80, 80)));
    expect(table.intern(connectionsOf('TCP', [80, 80]))).toBe(tcp80);
    expect(table.union(NONE, tcp80)).toBe(tcp80);
    expect(table.intersect(ALL, tcp80)).toBe(tcp80);
    const udp = table.intern(connectionsOf('UDP', ALL_PORTS));
    expect(table.intersect(tcp80, udp)).toBe(NONE);
    expect(formatConnections(table.get(table.union(tcp80, udp)))).toBe('TCP 80,UDP 1-65535');
  });
});
