// Conntrack zones per VPC on the devices that keep state for several VPCs, so that overlapping flows never share an entry.
import type { TopologyIR } from '../../ir/topology-ir.js';
import { vmsOnHost } from '../../ir/vm-index.js';
import { naturalCompare } from '../../ir/natural-order.js';
import type { NftFamily } from './base-chains.js';
import type { DeviceFilters } from './device-filters.js';
import { hostSubinterfaceName, subnetOfVm } from '../iproute2/host-trunk.js';
import { nftComment, nftString } from './nft-text.js';
import type { NftChainView, NftMapView } from './ruleset-view.js';

/** The named map on a border leaf: thrice's interfaces of each VPC, to which the deployment adds its outside ports. */
export const ZONE_MAP = 'vpc_zone';

export interface ConntrackZones {
  readonly family: NftFamily;
  readonly maps: readonly NftMapView[];
  readonly chain: NftChainView;
  /** Comment text for the file's header: what the zones are and what the deployment must add. */
  readonly notes: readonly string[];
}

/**
 * Unpeered VPCs may reuse addresses, and one device's connection tracking would otherwise take two VPCs' identical
 * flows for one (a reply of one VPC's connection would pass another VPC's stateful filter). The zone is the VPC's
 * id (stable, from the lock file), set before conntrack (priority -300) from the interface the packet arrives on,
 * in both directions. Only stateful filters need it: a stateful border leaf, a hypervisor with a stateful filter.
 * A VM is in one VPC; leaves and spines are stateless.
 */
export function conntrackZones(ir: TopologyIR, filters: DeviceFilters): ConntrackZones | undefined {
  const { device } = filters;
  const zoneOf = new Map(ir.overlay.vpcs.map((v) => [v.name, v.id]));
  if (device.kind === 'switch' && device.switch.role === 'border' && filters.firewalls.some((f) => f.state === 'stateful')) {
    const vpcs = [...ir.overlay.vpcs].sort((a, b) => a.id - b.id);
    if (vpcs.length === 0) return undefined;
    return {
      family: 'inet',
      maps: [
        {
          name: ZONE_MAP,
          comment: nftComment("Each VPC's conntrack zone by arriving interface: its L3 VNI bridge (from the fabric); add its outside ports."),
          type: 'typeof iifname : ct zone',
          elements: vpcs.map((v) => `${nftString(v.l3Bridge)} : ${v.id}`).join(', '),
        },
      ],
      chain: zoneChain('raw', `ct zone set iifname map @${ZONE_MAP} comment ${nftString('the VPC of the arriving interface')}`),
      notes: [
        `Conntrack zones, one per VPC: ${vpcs.map((v) => `${v.name} ${v.id}`).join(', ')}. The outside's ports are the deployment's: after loading,`,
        `  add each to its VPC's zone (\`nft add element inet thrice ${ZONE_MAP} { "<port>" : <zone> }\`), or that VPC's north-south flows never match their replies.`,
      ],
    };
  }
  if (device.kind === 'host' && (filters.guardedVms.length > 0 || filters.firewalls.length > 0)) {
    const vms = vmsOnHost(ir.overlay, device.name);
    if (vms.length === 0) return undefined;
    // From a VM: its port; from the leaf: the VLAN subinterface of its subnet on the host's uplink.
    const ports = new Map<string, number>();
    for (const vm of vms) {
      const zone = zoneOf.get(vm.vpc) ?? 0;
      ports.set(vm.hostPort, zone);
      ports.set(hostSubinterfaceName(device.host, subnetOfVm(ir.overlay, vm).vlan), zone);
    }
    const elements = [...ports].sort(([a], [b]) => naturalCompare(a, b)).map(([port, zone]) => `${nftString(port)} : ${zone}`);
    return {
      family: 'bridge',
      maps: [],
      chain: zoneChain('-300', `ct zone set iifname map { ${elements.join(', ')} } comment ${nftString("the VPC of the arriving port")}`),
      notes: [`Conntrack zones, one per VPC (its id): ${[...new Set(vms.map((vm) => vm.vpc))].sort(naturalCompare).map((v) => `${v} ${zoneOf.get(v) ?? 0}`).join(', ')}, by the port a frame arrives on.`],
    };
  }
  return undefined;
}

function zoneChain(priority: string, rule: string): NftChainView {
  return {
    name: 'zone_prerouting',
    comment: nftComment('Hook prerouting, before connection tracking: each VPC tracks its connections in its own zone.'),
    hook: `type filter hook prerouting priority ${priority}; policy accept;`,
    lines: [{ note: null, rule }],
  };
}
