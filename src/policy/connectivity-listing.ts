// Prints a connectivity list as the oracle's text (`src => dst : conns`, one per line) or as JSON.
import type { Protocol } from '../k8s/k8s-objects.js';
import { formatIpv4 } from '../k8s/ipv4-cidr.js';
import { PROTOCOL_ORDER, formatConnections, isAllConnections } from './connection-set.js';
import type { Connection, Peer } from './connectivity.js';

/** The text listing; each line ends with a newline, and an empty list is the empty string. */
export function formatConnectivity(connections: readonly Connection[]): string {
  // Connection sets are interned, so equal sets are one object: print each once. Lines come in runs of one
  // source, so its prefix is built once per run.
  const suffixes = new Map<object, string>();
  const lines: string[] = new Array(connections.length);
  let prefixOf: object | undefined;
  let prefix = '';
  for (let i = 0; i < connections.length; i++) {
    const c = connections[i]!;
    if (c.src !== prefixOf) {
      prefixOf = c.src;
      prefix = `${c.src.label} => `;
    }
    let suffix = suffixes.get(c.connections);
    if (suffix === undefined) suffixes.set(c.connections, (suffix = ` : ${formatConnections(c.connections)}\n`));
    lines[i] = prefix + c.dst.label + suffix;
  }
  return lines.join('');
}

/**
 * One JSON entry per line of the text listing:
 *
 *     { "src": "ns/web[Deployment]", "dst": "0.0.0.0-255.255.255.255[External]", "conn": "TCP 80,443",
 *       "srcPeer": { "type": "workload", "namespace": "ns", "name": "web", "kind": "Deployment" },
 *       "dstPeer": { "type": "external", "first": "0.0.0.0", "last": "255.255.255.255" },
 *       "allowed": "all" | { "TCP": [[80, 80], [443, 443]], "UDP": [...], "SCTP": [...] } }
 *
 * `src`, `dst` and `conn` are the text listing's fields; `allowed` lists inclusive port ranges per protocol,
 * omitting protocols with none.
 */
export interface ConnectionJson {
  readonly src: string;
  readonly dst: string;
  readonly conn: string;
  readonly srcPeer: PeerJson;
  readonly dstPeer: PeerJson;
  readonly allowed: 'all' | Partial<Record<Protocol, [number, number][]>>;
}

export type PeerJson =
  | { readonly type: 'workload'; readonly namespace: string; readonly name: string; readonly kind: string }
  | { readonly type: 'external'; readonly first: string; readonly last: string };

export function connectivityJson(connections: readonly Connection[]): ConnectionJson[] {
  return connections.map((c) => ({
    src: c.src.label,
    dst: c.dst.label,
    conn: formatConnections(c.connections),
    srcPeer: peerJson(c.src),
    dstPeer: peerJson(c.dst),
    allowed: isAllConnections(c.connections) ? 'all' : allowedPorts(c),
  }));
}

function peerJson(peer: Peer): PeerJson {
  return peer.type === 'workload'
    ? { type: 'workload', namespace: peer.namespace, name: peer.name, kind: peer.kind }
    : { type: 'external', first: formatIpv4(peer.range.first), last: formatIpv4(peer.range.last) };
}

function allowedPorts(c: Connection): Partial<Record<Protocol, [number, number][]>> {
  const out: Partial<Record<Protocol, [number, number][]>> = {};
  for (const protocol of PROTOCOL_ORDER) {
    const ports = c.connections[protocol];
    if (ports.length === 0) continue;
    const ranges: [number, number][] = [];
    for (let i = 0; i < ports.length; i += 2) ranges.push([ports[i]!, ports[i + 1]!]);
    out[protocol] = ranges;
  }
  return out;
}
