// Read-only IR of the physical Clos underlay: switches with allocated values, derived links, hosts.
import type { DataPath } from '../source/data-path.js';

export type SwitchRole = 'super-spine' | 'spine' | 'leaf' | 'border';

export interface SwitchIR {
  readonly name: string;
  readonly role: SwitchRole;
  /** Pod name in three tiers; undefined for super-spines and for all switches of a two-tier fabric. */
  readonly pod?: string;
  /** Stable index within the switch's scope (super-spines; spines of a pod; leaves of a pod). */
  readonly id: number;
  readonly asn: number;
  /** Router-id and (leaves) VTEP address, a /32 from `fabric.loopbacks`. */
  readonly loopback: string;
  readonly rack?: string;
  /** Port count (fabric.radix). */
  readonly radix: number;
  /** Fabric-facing interfaces, sorted by port number. */
  readonly interfaces: readonly FabricInterfaceIR[];
  /** Host-facing ports (leaves only), sorted by port number. */
  readonly hostPorts: readonly HostPortIR[];
  /** Where the object is declared in the spec; resolved to a line only when a diagnostic needs it. */
  readonly origin: DataPath;
}

export interface FabricInterfaceIR {
  /** `swpN`. */
  readonly name: string;
  readonly port: number;
  readonly peer: string;
  readonly peerInterface: string;
  readonly peerAsn: number;
  readonly peerRole: SwitchRole;
  /** Numbered links only: this end's address with prefix, e.g. `10.0.0.0/31`. */
  readonly address?: string;
  /** Numbered links only: the peer's address without prefix. */
  readonly peerAddress?: string;
  readonly mtu: number;
}

export interface HostPortIR {
  readonly name: string;
  readonly port: number;
  readonly host: string;
}

export interface LinkIR {
  readonly a: { readonly switch: string; readonly interface: string };
  readonly b: { readonly switch: string; readonly interface: string };
  /** Numbered links: the /31. */
  readonly subnet?: string;
}

export interface HostIR {
  readonly name: string;
  readonly leaf: string;
  readonly leafPort: number;
  readonly leafInterface: string;
  /** The host's own uplink interface name. */
  readonly uplink: string;
  /** The hypervisor's underlay address, a /32 from `fabric.loopbacks` (what `host:<name>` resolves to). */
  readonly address: string;
  /** Where the object is declared in the spec; resolved to a line only when a diagnostic needs it. */
  readonly origin: DataPath;
}

export interface FabricIR {
  readonly tiers: 2 | 3;
  readonly radix: number;
  readonly mtu: number;
  readonly loopbackPool: string;
  readonly linkMode: 'unnumbered' | 'numbered';
  readonly linkPool?: string;
  readonly vtep: 'leaf' | 'host';
  /** All switches sorted by name. */
  readonly switches: readonly SwitchIR[];
  /** All links sorted by (a.switch, a.interface); `a` is the upper tier. */
  readonly links: readonly LinkIR[];
  /** Hosts sorted by name. */
  readonly hosts: readonly HostIR[];
  /** Session hardening of the `fabric` peer group (`fabric.bgp`); absent (or absent fields) where not asked for. */
  readonly bgp?: FabricBgpIR;
}

/**
 * What the spec asks of every underlay session. The password appears only as where it is read from: its value is
 * resolved when emitting (see src/compile/resolve-bgp-password.ts) so that ir.json never holds it.
 */
export interface FabricBgpIR {
  readonly password?: { readonly env: string } | { readonly file: string };
  /** `neighbor fabric maximum-prefix` in ipv4 unicast. */
  readonly maximumPrefixIpv4?: number;
  /** BFD on every session; timers are `null` where FRR's default applies. */
  readonly bfd?: {
    readonly detectMultiplier: number | null;
    readonly receiveInterval: number | null;
    readonly transmitInterval: number | null;
  };
  readonly ttlSecurity: boolean;
}
