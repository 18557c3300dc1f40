// The ready-to-print shape of one switch's interfaces.sh: every data string already a quoted shell word.

import type { ConvergeView } from './converge-view.js';

export interface SwitchScriptView {
  /** What the script keeps when it converges: the loopback, the /31s and the host routes. */
  readonly converge: ConvergeView;
  /** Shell word: the protocol number of the host routes. */
  readonly routeProtocol: string;
  /** Shell word: the loopback address's label, `lo:thrice`. */
  readonly loopbackLabel: string;
  /** Comment text (not a shell word): the switch and its role. */
  readonly title: string;
  /** Comment text: what the loopback is used for on this switch. */
  readonly loopbackPurpose: string;
  /** Shell word: the loopback with its prefix length. */
  readonly loopback: string;
  /** Shell words of `sysctl -w` assignments, e.g. `'net.ipv4.ip_forward=1'`. */
  readonly sysctls: readonly string[];
  /** By port number. */
  readonly fabricPorts: readonly SwitchFabricPortView[];
  /** By port number; empty except on leaves with hosts. */
  readonly hostPorts: readonly SwitchHostPortView[];
}

export interface SwitchFabricPortView {
  /** Comment text: the port and the peer it is cabled to. */
  readonly comment: string;
  /** Shell word: `'swpN'`. */
  readonly device: string;
  /** Shell word. */
  readonly mtu: string;
  /** Shell word of this end's `/31` on numbered links; `null` on unnumbered ones (IPv6 link-local only). */
  readonly address: string | null;
  /** Shell word: the /31's label, `swpN:thrice`. */
  readonly label: string;
}

export interface SwitchHostPortView {
  /** Comment text: the port and the host behind it. */
  readonly comment: string;
  /** Shell word: `'swpN'`. */
  readonly device: string;
  /** Shell word: the fabric MTU, so VM frames (fabric MTU - 50 plus the VLAN tag) fit the trunk. */
  readonly mtu: string;
  /** Shell word: the hypervisor's underlay /32, routed to this port (untagged; the port itself has no address). */
  readonly hostAddress: string;
  /** Shell word: the switch's loopback, the source of what it sends the hypervisor (and of its ARP requests there). */
  readonly source: string;
}
