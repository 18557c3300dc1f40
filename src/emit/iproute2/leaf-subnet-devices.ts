// What a VTEP leaf makes for each subnet it serves, shared by overlay.sh and the persistent interfaces file.
import { interfaceName } from '../../ir/interface-name.js';
import type { FabricIR, HostIR, SwitchIR } from '../../ir/fabric-ir.js';
import type { OverlayIR, SubnetIR, VpcIR } from '../../ir/overlay-ir.js';
import { vmsUnderLeaf } from '../../ir/vm-index.js';
import { subnetsServedBy } from '../frr/served-vpcs.js';

/** A subnet this leaf serves, with the hosts its VLAN is trunked to and the leaf's own address in it. */
export interface ServedSubnet {
  readonly subnet: SubnetIR;
  /** Hosts under this leaf with a VM in the subnet, by leaf port: each gets the subnet's VLAN on its trunk. */
  readonly hosts: readonly HostIR[];
  /** The leaf's own address in the subnet (on its macvlan), without the prefix length. */
  readonly ownAddress: string;
}

/** The subnets of a VPC this leaf serves, by name, each worked out once for every output that needs it. */
export function servedSubnets(fabric: FabricIR, overlay: OverlayIR, sw: SwitchIR, vpc: VpcIR): ServedSubnet[] {
  return subnetsServedBy(vpc, sw).map((subnet) => ({ subnet, hosts: hostsWithVmsIn(fabric, overlay, sw, subnet), ownAddress: ownAddressOf(sw, subnet) }));
}

/**
 * The macvlan holding the leaf's own address in a subnet: `br<vni>-v0`, the name ifupdown2's `address-virtual`
 * gives the first macvlan of a bridge, so the script and the persistent interfaces file make the same device.
 */
export function ownDeviceOf(subnet: SubnetIR): string {
  return interfaceName(`${subnet.bridge}-v0`);
}

/** The leaf's VLAN subinterface `swpN.<vlan>` toward a host. */
export function subinterfaceName(host: HostIR, vlan: number): string {
  return interfaceName(`${host.leafInterface}.${vlan}`);
}

/**
 * The SVI holds the anycast gateway, so hosts' ARP for it lands there and zebra learns them (their MAC and IP as
 * EVPN type-2 routes) from its neighbour table. It answers ARP only for its own (the anycast) address, and accepts
 * gratuitous ARP as netlab's FRR anycast gateway does.
 */
export function sviSysctls(bridge: string): string[] {
  return [`net.ipv4.conf.${bridge}.arp_ignore=1`, `net.ipv4.conf.${bridge}.arp_accept=1`];
}

/** The leaf's own macvlan: ARP from its own address (arp_announce=2), and answers only for it (arp_ignore=1). */
export function ownSysctls(device: string): string[] {
  return [`net.ipv4.conf.${device}.arp_announce=2`, `net.ipv4.conf.${device}.arp_ignore=1`];
}

const hostIndexes = new WeakMap<FabricIR, ReadonlyMap<string, HostIR>>();

function hostsByName(fabric: FabricIR): ReadonlyMap<string, HostIR> {
  let index = hostIndexes.get(fabric);
  if (!index) hostIndexes.set(fabric, (index = new Map(fabric.hosts.map((h) => [h.name, h]))));
  return index;
}

function hostsWithVmsIn(fabric: FabricIR, overlay: OverlayIR, sw: SwitchIR, subnet: SubnetIR): HostIR[] {
  const names = new Set(
    vmsUnderLeaf(overlay, sw.name).filter((vm) => vm.vpc === subnet.vpc && vm.subnet === subnet.name).map((vm) => vm.host),
  );
  const hosts = [...names].map((name) => hostsByName(fabric).get(name)).filter((h): h is HostIR => h !== undefined);
  if (hosts.length !== names.size) throw new Error(`thrice: fabric IR lacks a host of subnet ${subnet.vpc}/${subnet.name}`);
  const stray = hosts.find((h) => h.leaf !== sw.name);
  if (stray) throw new Error(`thrice: overlay IR places a VM of ${stray.name} under ${sw.name}, but the host is under ${stray.leaf}`);
  return hosts.sort((a, b) => a.leafPort - b.leafPort);
}

/** Its absence is an IR bug: every serving leaf has an allocated SVI address (allocate-leaf-gateways.ts). */
function ownAddressOf(sw: SwitchIR, subnet: SubnetIR): string {
  const own = subnet.leafAddresses.find((a) => a.leaf === sw.name);
  if (!own) throw new Error(`thrice: overlay IR has no SVI address of ${sw.name} in subnet ${subnet.vpc}/${subnet.name}`);
  return own.address;
}
