// Groups the IR's filters by the device that enforces them: firewalls by `enforcedOn`, port security and security groups on their VMs' hosts.
import type { FirewallIR } from '../../ir/firewall-ir.js';
import type { HostIR, SwitchIR } from '../../ir/fabric-ir.js';
import type { VmIR } from '../../ir/overlay-ir.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import { byName, naturalCompare } from '../../ir/natural-order.js';
import { PLACEMENTS } from './placement-table.js';

/** The device a ruleset is for; exactly one of the three is set, as `kind` says. */
export type EnforcingDevice =
  | { readonly kind: 'switch'; readonly name: string; readonly switch: SwitchIR }
  | { readonly kind: 'host'; readonly name: string; readonly host: HostIR }
  | { readonly kind: 'vm'; readonly name: string; readonly vm: VmIR };

export interface DeviceFilters {
  readonly device: EnforcingDevice;
  /** The firewalls it enforces, by name. */
  readonly firewalls: readonly FirewallIR[];
  /** Hosts: their VMs that have at least one security group, by name (a VM without groups is not filtered). */
  readonly guardedVms: readonly VmIR[];
  /** Hosts: every VM with a port here, by name; each port gets port security (port-security-chains.ts). */
  readonly portVms: readonly VmIR[];
}

/** Every device that enforces something, by name. */
export function collectDeviceFilters(ir: TopologyIR): DeviceFilters[] {
  const byDevice = new Map<string, { device: EnforcingDevice; firewalls: FirewallIR[]; guardedVms: VmIR[]; portVms: VmIR[] }>();
  const entry = (device: EnforcingDevice) => {
    const found = byDevice.get(device.name);
    if (found && found.device.kind !== device.kind) {
      throw new Error(`thrice: ${device.kind} ${device.name} and ${found.device.kind} ${device.name} would share nftables/${device.name}.nft`);
    }
    const made = found ?? { device, firewalls: [], guardedVms: [], portVms: [] };
    byDevice.set(device.name, made);
    return made;
  };
  for (const firewall of [...ir.firewalls].sort(byName)) {
    for (const name of firewall.enforcedOn) entry(deviceNamed(ir, PLACEMENTS[firewall.placement.kind].device, name)).firewalls.push(firewall);
  }
  for (const vm of [...ir.overlay.vms].sort(byName)) {
    const host = entry(deviceNamed(ir, 'host', vm.host));
    host.portVms.push(vm);
    if (vm.securityGroups.length > 0) host.guardedVms.push(vm);
  }
  return [...byDevice.values()].sort((a, b) => naturalCompare(a.device.name, b.device.name));
}

function deviceNamed(ir: TopologyIR, kind: EnforcingDevice['kind'], name: string): EnforcingDevice {
  const missing = (): never => {
    throw new Error(`thrice: the IR names ${kind} ${name} as enforcing a filter, but has no such ${kind}`);
  };
  switch (kind) {
    case 'switch':
      return { kind, name, switch: ir.fabric?.switches.find((s) => s.name === name) ?? missing() };
    case 'host':
      return { kind, name, host: ir.fabric?.hosts.find((h) => h.name === name) ?? missing() };
    case 'vm':
      return { kind, name, vm: ir.overlay.vms.find((v) => v.name === name) ?? missing() };
  }
}
