// What every fabric switch's kernel needs and where its addresses come from, shared by interfaces.sh and the interfaces file.
import type { FabricIR, FabricInterfaceIR, SwitchIR } from '../../ir/fabric-ir.js';

export interface RouterSysctl {
  /** Why the switch needs it (one line). */
  readonly why: string;
  /** A sysctl key, e.g. `net.ipv4.ip_forward`. */
  readonly key: string;
  readonly value: string;
}

/**
 * A switch routes between its ports; the kernel does not unless told. ECMP hashes on L3 only by default, so all
 * VXLAN between two VTEPs (one address pair) would take one spine; policy 1 adds the UDP ports, whose source port
 * VXLAN varies per inner flow. Both settings are per network namespace.
 */
export const ROUTER_SYSCTLS: readonly RouterSysctl[] = [
  { why: 'A switch routes between its ports (this also turns forwarding on for every device made later).', key: 'net.ipv4.ip_forward', value: '1' },
  {
    why: 'ECMP hashes on the L4 ports too: VXLAN between two VTEPs differs only in its UDP source port, so an L3 hash would put it all on one spine.',
    key: 'net.ipv4.fib_multipath_hash_policy',
    value: '1',
  },
];

/** The hypervisor's underlay /32: the leaf routes it to the host port, and BGP advertises it (frr.conf `network`). */
export function hostAddress(fabric: FabricIR, name: string): string {
  const host = fabric.hosts.find((h) => h.name === name);
  if (!host) throw new Error(`thrice: fabric IR has a host port to ${name} but no such host`);
  return host.address;
}

/** This end's /31 of a numbered fabric link. */
export function numberedAddress(sw: SwitchIR, iface: FabricInterfaceIR): string {
  if (iface.address === undefined) throw new Error(`thrice: numbered fabric IR lacks the address of ${sw.name} ${iface.name}`);
  return iface.address;
}
