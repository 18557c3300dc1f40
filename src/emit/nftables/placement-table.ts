// What each firewall placement means for its nftables ruleset: which device kind enforces it, stateful or not, and which header it sees.
import type { PlacementKind } from '../../ir/firewall-ir.js';

export type DeviceKind = 'switch' | 'host' | 'vm';

export interface PlacementRow {
  /** What kind of device `enforcedOn` names. */
  readonly device: DeviceKind;
  /**
   * Whether replies of allowed connections pass by connection tracking (`ct state established,related`)
   * before the rules are read. Stateless filters judge every packet, replies included, on its own header.
   */
  readonly stateful: boolean;
  /** Comment text: why it is (or is not) stateful there. */
  readonly why: string;
  /** Comment text: the header the filter sees at that position. */
  readonly sees: string;
}

/**
 * One row per placement. The fabric core is stateless because ECMP sends the two directions of a flow
 * through different spines, so no spine could keep its state: a stateless ACL, as on a switch ASIC.
 * A leaf's host-port ACL stays a stateless switch ACL too. The border is the perimeter and stateful,
 * so that `default: deny` plus inbound allows works as written (replies of admitted connections pass);
 * with several border leaves the outside must route each flow symmetrically through one of them.
 * Hosts and VMs see both directions of all their traffic and filter like any Linux host firewall.
 */
export const PLACEMENTS: Readonly<Record<PlacementKind, PlacementRow>> = {
  spines: {
    device: 'switch',
    stateful: false,
    why: 'a switch ACL in the ECMP core, where one spine may see only one direction of a flow',
    sees: 'routed fabric traffic: VPC traffic between leaves is VXLAN there (outer header: VTEP loopbacks, UDP 4789)',
  },
  superSpines: {
    device: 'switch',
    stateful: false,
    why: 'a switch ACL in the ECMP core, where one super-spine may see only one direction of a flow',
    sees: 'routed fabric traffic between pods: VPC traffic is VXLAN there (outer header: VTEP loopbacks, UDP 4789)',
  },
  leaf: {
    device: 'switch',
    stateful: false,
    why: 'a switch ACL on the host-facing ports',
    sees: 'traffic through the host-facing ports before encapsulation (the VPC header of VM traffic)',
  },
  border: {
    device: 'switch',
    stateful: true,
    why: 'the perimeter: replies of connections it admitted pass (the outside must route each flow symmetrically)',
    sees: 'north-south traffic through the ports to the outside (neither fabric links nor hosts)',
  },
  host: {
    device: 'host',
    stateful: true,
    why: "a hypervisor firewall sees both directions of its VMs' traffic",
    sees: "VM traffic at the VMs' ports on the hypervisor (the VPC header)",
  },
  vm: {
    device: 'vm',
    stateful: true,
    why: 'a host firewall inside the VM sees both directions of its traffic',
    sees: "the VM's VPC interface as on the wire (pod traffic between nodes: the flannel outer header)",
  },
};
