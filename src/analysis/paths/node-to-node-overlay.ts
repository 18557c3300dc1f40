// What pod traffic between two nodes looks like on the VPC, per flannel backend, and how each node handles it.
import type { CniIR } from '../../ir/cluster-ir.js';
import type { Header } from './path-types.js';

export interface NodeToNode {
  /** The headers the VPC carries between the two node VMs, outermost first. */
  readonly stack: readonly Header[];
  /** What the sending node does with the pods' packet. */
  readonly sent: string;
  /** What the receiving node does before `cni0` delivers it. */
  readonly received: string;
}

/** The two node VMs' VPC addresses and names. */
export interface NodePair {
  readonly from: { readonly name: string; readonly ip: string };
  readonly to: { readonly name: string; readonly ip: string };
}

/**
 * flannel's backends as flanneld programs them from net-conf.json:
 * - vxlan: `flannel.<vni>` wraps the packet in UDP `Port` between the node addresses; filters see that outer header.
 * - wireguard: `flannel-wg` encrypts it into UDP between the node addresses, from and to `ListenPort` (WireGuard
 *   sends from its listen port; flanneld points every peer at `<public-ip>:<its own ListenPort>`). Filters see only
 *   that header; the pods' packet is listed inside it for the reader, but nothing on the way can read or match it.
 * - host-gw: routed unchanged, next hop the other node's VPC address: every VPC filter sees the pods' addresses.
 */
const BACKENDS: Readonly<Record<CniIR['backend'], (cni: CniIR, nodes: NodePair, payload: Header) => NodeToNode>> = {
  vxlan: (cni, { from, to }, payload) => ({
    stack: [{ kind: 'flannel-vxlan', src: from.ip, dst: to.ip, proto: 'udp', dport: cni.port, vni: cni.vni }, payload],
    sent: `encapsulated by ${cni.device} toward node ${to.name}`,
    received: `decapsulated on node ${to.name}, bridged by cni0`,
  }),
  wireguard: (cni, { from, to }, payload) => ({
    stack: [{ kind: 'flannel-wireguard', src: from.ip, dst: to.ip, proto: 'udp', dport: cni.port }, payload],
    sent: `encrypted by ${cni.device} toward node ${to.name} (WireGuard peer ${to.ip}:${cni.port})`,
    received: `decrypted by ${cni.device} on node ${to.name}, bridged by cni0`,
  }),
  'host-gw': (_cni, { to }, payload) => ({
    stack: [payload],
    sent: `routed (host-gw) toward node ${to.name} via its VPC address ${to.ip}, unencapsulated`,
    received: `routed to cni0 on node ${to.name}`,
  }),
};

export function nodeToNode(cni: CniIR, nodes: NodePair, payload: Header): NodeToNode {
  const made = BACKENDS[cni.backend](cni, nodes, payload);
  // The tunnel between two node VMs is traffic of their VPC, as the pods' packet is.
  return payload.vpc === undefined ? made : { ...made, stack: made.stack.map((h) => (h === payload ? h : { ...h, vpc: payload.vpc })) };
}
