// The ready-to-print shape of one hypervisor's setup.sh: every data string already a quoted shell word.
import type { ConvergeView } from './converge-view.js';

export interface HostScriptView {
  /** What the script keeps when it converges: VLAN bridges and subinterfaces, VM ports, the underlay address and route. */
  readonly converge: ConvergeView;
  /** Comment text: the host and the leaf port its uplink is cabled to. */
  readonly title: string;
  readonly uplink: HostUplinkView;
  /** The hypervisor's own address on the underlay, untagged on the uplink. */
  readonly underlay: HostUnderlayView;
  /** One per subnet with a VM on this host, by VLAN number. */
  readonly vlans: readonly HostVlanView[];
  /** One per VM on this host, by port (`vmport0`, `vmport1`, … in natural order). */
  readonly vmPorts: readonly HostVmPortView[];
}

export interface HostUplinkView {
  /** Comment text: the leaf and leaf port at the other end of the cable. */
  readonly comment: string;
  /** Shell word: `'eth0'`. */
  readonly device: string;
  /** Shell word: what the leaf carries to VMs (fabric MTU minus one VXLAN layer) or the largest VM MTU. */
  readonly mtu: string;
}

export interface HostUnderlayView {
  /** Comment text: the address, and where the rest of the underlay is. */
  readonly comment: string;
  /** Shell word: the hypervisor's /32 from the loopback pool. */
  readonly address: string;
  /** Shell word: its label, `<uplink>:thrice`. */
  readonly label: string;
  /** Shell word: the same address without its length, the source of what the hypervisor sends. */
  readonly source: string;
  /** Shell word: the uplink. */
  readonly device: string;
  /** Shell word: the loopback pool, every switch's and hypervisor's underlay address. */
  readonly pool: string;
  /** Shell word: the leaf's loopback, the next hop (on-link: the leaf answers ARP for it on the host port). */
  readonly gateway: string;
}

export interface HostVlanView {
  /** Comment text: the VLAN, its subnet (VPC, CIDR, VNI) and the VMs on it. */
  readonly comment: string;
  /** Shell word: the 802.1Q id. */
  readonly vlan: string;
  /** Shell word: the uplink, parent of the subinterface. */
  readonly uplink: string;
  /** Shell word: `'eth0.<vlan>'`. */
  readonly subinterface: string;
  /** Shell word: `'vlan<vlan>'`, the bridge the subnet's VM ports join. */
  readonly bridge: string;
  /** Shell word: the subinterface MTU (the uplink's). */
  readonly mtu: string;
}

export interface HostVmPortView {
  /** Comment text: the VM, its subnet and address. */
  readonly comment: string;
  /** Shell word: `'vmport<N>'`. */
  readonly device: string;
  /** Shell word: the VM-side end of the lab stand-in veth pair, `'vmport<N>-vm'`. */
  readonly peer: string;
  /** Shell word: the subnet's bridge. */
  readonly bridge: string;
  /** Shell word: the VM's MTU. */
  readonly mtu: string;
}
