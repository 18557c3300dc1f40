// Sets of connections: one port set per protocol (TCP, UDP, SCTP); all three full is "All Connections".
import type { Protocol } from '../k8s/k8s-objects.js';
import {
  ALL_PORTS,
  NO_PORTS,
  type PortSet,
  formatPorts,
  intersectPorts,
  isAllPorts,
  subtractPorts,
  unionPorts,
} from './port-set.js';

export type ConnectionSet = Readonly<Record<Protocol, PortSet>>;

/** Alphabetical, the order the listing prints protocols in. */
export const PROTOCOL_ORDER: readonly Protocol[] = ['SCTP', 'TCP', 'UDP'];

export const NO_CONNECTIONS: ConnectionSet = { TCP: NO_PORTS, UDP: NO_PORTS, SCTP: NO_PORTS };
export const ALL_CONNECTIONS: ConnectionSet = { TCP: ALL_PORTS, UDP: ALL_PORTS, SCTP: ALL_PORTS };

export function connectionsOf(protocol: Protocol, ports: PortSet): ConnectionSet {
  return { ...NO_CONNECTIONS, [protocol]: ports };
}

export function unionConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  return { TCP: unionPorts(a.TCP, b.TCP), UDP: unionPorts(a.UDP, b.UDP), SCTP: unionPorts(a.SCTP, b.SCTP) };
}

export function intersectConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  return { TCP: intersectPorts(a.TCP, b.TCP), UDP: intersectPorts(a.UDP, b.UDP), SCTP: intersectPorts(a.SCTP, b.SCTP) };
}

export function subtractConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  return { TCP: subtractPorts(a.TCP, b.TCP), UDP: subtractPorts(a.UDP, b.UDP), SCTP: subtractPorts(a.SCTP, b.SCTP) };
}

export function isEmptyConnections(set: ConnectionSet): boolean {
  return set.TCP.length === 0 && set.UDP.length === 0 && set.SCTP.length === 0;
}

export function isAllConnections(set: ConnectionSet): boolean {
  return isAllPorts(set.TCP) && isAllPorts(set.UDP) && isAllPorts(set.SCTP);
}

/** A canonical key: equal sets give equal keys. */
export function connectionKey(set: ConnectionSet): string {
  return `${set.TCP.join(',')}|${set.UDP.join(',')}|${set.SCTP.join(',')}`;
}

/** `All Connections`, `No Connections`, or e.g. `SCTP 9003,TCP 8080,9090,UDP 53`. */
export function formatConnections(set: ConnectionSet): string {
  if (isAllConnections(set)) return 'All Connections';
  if (isEmptyConnections(set)) return 'No Connections';
  return PROTOCOL_ORDER.filter((p) => set[p].length > 0)
    .map((p) => `${p} ${formatPorts(set[p])}`)
    .join(',');
}
