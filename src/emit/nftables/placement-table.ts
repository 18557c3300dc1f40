// What each firewall placement means for its nftables ruleset: which device kind enforces it, stateful or not, and which header it sees.
import type { PlacementKind } from '../../ir/firewall-ir.js';
import type { FirewallState } from '../../ir/firewall-state.js';

export type DeviceKind = 'switch' | 'host' | 'vm';

export interface PlacementRow {
  /** What kind of device `enforcedOn` names. */
  readonly device: DeviceKind;
  /**
   * Comment text: why it is (or is not) stateful there, by the state the IR gives it (src/ir/firewall-state.ts):
   * stateful filters pass replies by connection tracking (`ct state established,related`) before the rules are
   * read, stateless ones judge every packet on its own header, reflexive ones also pass what looks like a reply.
   */
  readonly why: Partial<Readonly<Record<FirewallState, string>>>;
  /** Comment text: the header the filter sees at that position. */
  readonly sees: string;
}

/**
 * One row per placement. The fabric core is stateless because ECMP sends the two directions of a flow
 * through different spines, so no spine could keep its state: a stateless ACL, as on a switch ASIC.
 * A leaf's host-port ACL stays a stateless switch ACL too. The border is the perimeter, so that
 * `default: deny` plus inbound allows works as written: stateful with one border leaf; with several,
 * a flow's two directions may cross different ones (ECMP in the fabric and outside), so it answers
 * replies with reflexive rules instead of state. Hosts and VMs see both directions of all their
 * traffic and filter like any Linux host firewall.
 */
export const PLACEMENTS: Readonly<Record<PlacementKind, PlacementRow>> = {
  spines: {
    device: 'switch',
    why: { stateless: 'a switch ACL in the ECMP core, where one spine may see only one direction of a flow' },
    sees: 'routed fabric traffic: VPC traffic between leaves is VXLAN there (outer header: VTEP loopbacks, UDP 4789)',
  },
  superSpines: {
    device: 'switch',
    why: { stateless: 'a switch ACL in the ECMP core, where one super-spine may see only one direction of a flow' },
    sees: 'routed fabric traffic between pods: VPC traffic is VXLAN there (outer header: VTEP loopbacks, UDP 4789)',
  },
  leaf: {
    device: 'switch',
    why: { stateless: 'a switch ACL on the host-facing ports' },
    sees: 'traffic through the host-facing ports before encapsulation (the VPC header of VM traffic)',
  },
  border: {
    device: 'switch',
    why: {
      stateful: 'the perimeter, and the only border leaf: replies of connections it admitted pass',
      reflexive:
        'the perimeter, one of several border leaves: a reply may come back through another border leaf than its ' +
        'connection\'s first packet, so it keeps no state; what its rules deny passes only if it looks like a reply ' +
        '(no TCP SYN without ACK, no ICMP echo request) of a flow they allow',
    },
    sees: 'north-south traffic through the ports to the outside (neither fabric links nor hosts)',
  },
  host: {
    device: 'host',
    why: { stateful: "a hypervisor firewall sees both directions of its VMs' traffic" },
    sees: "VM traffic at the VMs' ports on the hypervisor (the VPC header)",
  },
  vm: {
    device: 'vm',
    why: { stateful: 'a host firewall inside the VM sees both directions of its traffic' },
    sees: "the VM's VPC interface as on the wire (pod traffic between nodes: the flannel outer header)",
  },
};

/** `stateful`, `stateless`, or `stateless with reflexive replies`, and why, for a firewall's comments. */
export function stateText(kind: PlacementKind, state: FirewallState): string {
  const words = stateWords(state);
  const why = PLACEMENTS[kind].why[state];
  if (why === undefined) throw new Error(`thrice: no ${state} ${kind} firewall is emitted`);
  return `${words}, ${why}`;
}

export function stateWords(state: FirewallState): string {
  return state === 'reflexive' ? 'stateless with reflexive replies' : state;
}
