// The ready-to-print shape of one node VM's pod-overlay.sh: shell words, comment texts and checked nftables rules.
import type { ConvergeView } from './converge-view.js';

export interface PodOverlayView {
  /** What the script keeps when it converges: cni0, the VXLAN device, their addresses, the routes to other nodes' pods. */
  readonly converge: ConvergeView;
  /** Shell word: the protocol number of those routes. */
  readonly routeProtocol: string;
  /** Heredoc lines: the other nodes' VTEP addresses, the permanent neighbours the VXLAN device keeps. */
  readonly keepNeighbours: readonly string[];
  /** Heredoc lines: their VTEP MACs, the FDB entries it keeps. */
  readonly keepFdb: readonly string[];
  /** Comment text: the node, its cluster and the flannel backend. */
  readonly title: string;
  /** Shell words of `sysctl -w` assignments. */
  readonly sysctls: readonly string[];
  readonly bridge: PodBridgeView;
  /** The `flannel.<vni>` device; `null` for backends without encapsulation (host-gw). */
  readonly vxlan: PodVxlanView | null;
  /** vxlan backend: every other node of the cluster, by name; empty otherwise. */
  readonly vxlanPeers: readonly PodVxlanPeerView[];
  /** host-gw backend: every other node of the cluster, by name; empty otherwise. */
  readonly hostGwRoutes: readonly PodHostGwRouteView[];
  readonly masquerade: PodMasqueradeView;
}

export interface PodBridgeView {
  /** Comment text: what the bridge is and who made it under flannel. */
  readonly comment: string;
  /** Shell word: `'cni0'`. */
  readonly device: string;
  /** Shell word. */
  readonly mtu: string;
  /** Shell word: the pod subnet's gateway with prefix, e.g. `'10.244.1.1/24'`. */
  readonly address: string;
}

export interface PodVxlanView {
  /** Comment text: VNI, UDP port, underlay address. */
  readonly comment: string;
  /** Shell word: `'flannel.<vni>'`. */
  readonly device: string;
  /** Shell words. */
  readonly vni: string;
  readonly port: string;
  /** Shell word: the node's VPC address, the VTEP's outer source. */
  readonly local: string;
  /** Shell word: the node's VPC interface. */
  readonly underlay: string;
  /** Shell word: the VTEP MAC every other node has in its FDB and ARP tables. */
  readonly mac: string;
  /** Shell word. */
  readonly mtu: string;
  /** Shell word: the pod subnet's network address as a /32. */
  readonly address: string;
  /** Shell word: `/proc/sys` directory name of the device's IPv6 settings (present only with IPv6). */
  readonly ipv6ConfDir: string;
  /** Shell word: `sysctl -w` assignment turning off router advertisements on the device. */
  readonly acceptRaOff: string;
}

export interface PodVxlanPeerView {
  /** Comment text: the other node, its pod subnet, VTEP and VPC address. */
  readonly comment: string;
  /** Shell words. */
  readonly device: string;
  readonly podSubnet: string;
  /** The other node's VTEP address (its pod subnet's network address), without prefix. */
  readonly vtep: string;
  readonly vtepMac: string;
  /** The other node's VPC address: where its VXLAN packets go. */
  readonly nodeAddress: string;
}

export interface PodHostGwRouteView {
  /** Comment text: the other node and its pod subnet. */
  readonly comment: string;
  /** Shell words. */
  readonly podSubnet: string;
  readonly nodeAddress: string;
  /** The node's own VPC interface, toward the other node on the same L2 subnet. */
  readonly device: string;
}

export interface PodMasqueradeView {
  /** nftables text: family and table name (`ip thrice-flannel`), declared, deleted and made again in one transaction. */
  readonly tableText: string;
  /** Comment text: the pod CIDR and the node's pod subnet. */
  readonly comment: string;
  readonly forwardRules: readonly NftRuleView[];
  /** In order: the first matching rule decides. */
  readonly postroutingRules: readonly NftRuleView[];
}

export interface NftRuleView {
  /** Comment text: why the rule exists. */
  readonly why: string;
  /** nftables rule text built only from checked prefixes and constants. */
  readonly rule: string;
}

/** A backend thrice does not generate: the script says so and fails, rather than leaving pods silently unnetworked. */
export interface PodOverlayUnsupportedView {
  readonly title: string;
  /** Comment text. */
  readonly reason: string;
  /** Shell word: the message printed on stderr. */
  readonly message: string;
}
