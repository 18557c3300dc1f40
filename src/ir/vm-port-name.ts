// The name of a VM's port on its hypervisor: thrice's own prefix, because libvirt reserves `vnet`, `vif`, `macvtap` and `macvlan`.
import { interfaceName } from './interface-name.js';

/**
 * libvirt hands out `vnetN` in the order VMs start and ignores (newer versions refuse) a requested target of a
 * reserved prefix, so a `vnetN` filter could end up on another VM's port. thrice names each port itself from the
 * number the lock file pins per host (`vmport0`, …; at most `vmport65535-vm` with the lab's suffix, 14 bytes) and
 * hands libvirt that name as the interface's `<target dev>`, so the name nftables keys on is the VM's for good.
 */
export const VM_PORT_PREFIX = 'vmport';

export function vmPortName(n: number): string {
  return interfaceName(`${VM_PORT_PREFIX}${n}`);
}
