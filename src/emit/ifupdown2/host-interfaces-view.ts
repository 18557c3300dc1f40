// The ready-to-print shape of one hypervisor's ifupdown2 interfaces file.
import type { InterfaceStanzaView } from './interface-stanza-view.js';

export interface HostInterfacesView {
  /** Comment text: the host and the leaf port its uplink is cabled to. */
  readonly title: string;
  /** Comment text: the VM ports libvirt makes, one line per VM, by port; empty without VMs. */
  readonly vmPorts: readonly string[];
  /** The uplink: trunk MTU, the underlay /32 untagged, the route to the underlay. */
  readonly uplink: InterfaceStanzaView;
  /** Per subnet with a VM on this host, by VLAN: the `eth0.<vlan>` subinterface, then its bridge `vlan<vlan>`. */
  readonly vlans: readonly InterfaceStanzaView[];
}
