// The ready-to-print shape of one fabric switch's ifupdown2 files: the interfaces stanzas and the sysctl.conf settings.
import type { InterfaceStanzaView } from './interface-stanza-view.js';

export interface SwitchInterfacesView {
  /** Comment text: the switch and its role. */
  readonly title: string;
  /** Comment text: what the loopback is used for on this switch. */
  readonly loopbackPurpose: string;
  readonly loopback: InterfaceStanzaView;
  /** By port number. */
  readonly fabricPorts: readonly InterfaceStanzaView[];
  /** By port number; empty except on leaves with hosts. */
  readonly hostPorts: readonly InterfaceStanzaView[];
  /** Comment text: the overlay devices' MTU and why; `null` on switches that serve no VPC. */
  readonly overlayMtuReason: string | null;
  /** One per VPC this switch serves (as a VTEP), by name; empty elsewhere. */
  readonly tenants: readonly TenantStanzasView[];
}

export interface TenantStanzasView {
  /** Comment text: the VPC, its VRF, routing table, L3 VNI and peers. */
  readonly comment: string;
  /** The VRF, the L3 VNI's VXLAN device and bridge, then per subnet its VXLAN device, host VLANs and bridge. */
  readonly stanzas: readonly InterfaceStanzaView[];
}

export interface SwitchSysctlView {
  /** Comment text: the switch and its role. */
  readonly title: string;
  readonly settings: readonly SysctlSettingView[];
}

export interface SysctlSettingView {
  /** Comment text: why the switch needs it. */
  readonly why: string;
  /** A sysctl key, e.g. `net.ipv4.ip_forward`. */
  readonly key: string;
  readonly value: string;
}
