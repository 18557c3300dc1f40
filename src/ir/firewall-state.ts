// How each firewall placement treats replies: stateful (conntrack), stateless, or stateless with reflexive reply rules.
import type { PlacementKind } from './firewall-ir.js';

/**
 * `stateful`: replies of connections the device admitted pass by its own connection tracking, so the device
 * must see both directions. `stateless`: every packet, replies included, is judged on its own header.
 * `reflexive`: stateless, plus a packet that looks like a reply (not a TCP SYN without ACK, not an ICMP echo
 * request) passes when the flow it would answer is allowed: no local state, so a reply may return through
 * another member of an ECMP set than its connection's first packet.
 */
export type FirewallState = 'stateful' | 'stateless' | 'reflexive';

/**
 * The fabric core and the leaves' host-port ACLs are stateless switch ACLs. Hosts and VMs see both directions
 * of their traffic and keep state. The border is the perimeter: stateful where one border leaf carries every
 * north-south flow both ways; with several, the fabric (by the tenant VRFs' ECMP default route) and the outside
 * (which thrice does not configure) each pick a border per direction, so the border keeps no state and answers
 * replies with reflexive rules instead.
 */
export function firewallState(kind: PlacementKind, borderLeaves: number): FirewallState {
  switch (kind) {
    case 'spines':
    case 'superSpines':
    case 'leaf':
      return 'stateless';
    case 'host':
    case 'vm':
      return 'stateful';
    case 'border':
      return borderLeaves > 1 ? 'reflexive' : 'stateful';
  }
}
