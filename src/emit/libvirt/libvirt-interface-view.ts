// The ready-to-print shape of one VM's libvirt `<interface>` element: every value already XML-safe.

export interface LibvirtInterfaceView {
  /** Comment text: the VM, its VPC, subnet and hypervisor. */
  readonly title: string;
  /** Comment text: where the port's name is used on the hypervisor. */
  readonly usedBy: string;
  /** Attribute values. */
  readonly mac: string;
  /** The subnet's bridge on the hypervisor (`vlan<vlan>`), from hosts/<host>/setup.sh. */
  readonly bridge: string;
  /** The port's name: `vmport<N>`, never a prefix libvirt reserves. */
  readonly target: string;
  readonly mtu: string;
}
