// The ready-to-print shape of one hypervisor's setup.sh: every data string already a quoted shell word.

export interface HostScriptView {
  /** Comment text: the host and the leaf port its uplink is cabled to. */
  readonly title: string;
  readonly uplink: HostUplinkView;
  /** One per subnet with a VM on this host, by VLAN number. */
  readonly vlans: readonly HostVlanView[];
  /** One per VM on this host, by port (`vnet0`, `vnet1`, … in natural order). */
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
  /** Shell word: `'vnet<N>'`. */
  readonly device: string;
  /** Shell word: the VM-side end of the lab stand-in veth pair, `'vnet<N>-vm'`. */
  readonly peer: string;
  /** Shell word: the subnet's bridge. */
  readonly bridge: string;
  /** Shell word: the VM's MTU. */
  readonly mtu: string;
}
