// Decides one leaf's tenant overlay scripts (VRFs, L3 and L2 VNIs, anycast gateways, host VLANs) as a sorted, quoted view.
import { interfaceName } from '../../ir/interface-name.js';
import { VPC_VXLAN_PORT, VXLAN_OVERHEAD } from '../../ir/encapsulation.js';
import type { FabricIR, HostIR, SwitchIR } from '../../ir/fabric-ir.js';
import type { OverlayIR, SubnetIR, VpcIR } from '../../ir/overlay-ir.js';
import type { LeafOverlayView, LeafSubinterfaceView, LeafSubnetView, LeafTenantView } from './leaf-overlay-view.js';
import { routerMacOf, subnetsServedBy, vpcsServedBy } from '../frr/served-vpcs.js';
import { tenantNetnsName } from './leaf-overlay-netns-name.js';
import { shellComment, shellWord } from './shell-word.js';
import { vmsUnderLeaf } from '../../ir/vm-index.js';
import { buildConvergeView } from './build-converge-view.js';

const hostIndexes = new WeakMap<FabricIR, ReadonlyMap<string, HostIR>>();

function hostsByName(fabric: FabricIR): ReadonlyMap<string, HostIR> {
  let index = hostIndexes.get(fabric);
  if (!index) hostIndexes.set(fabric, (index = new Map(fabric.hosts.map((h) => [h.name, h]))));
  return index;
}

/** IANA's VXLAN port; FRR's EVPN and the hosts' flannel (8472 by default) must not share it. */
/**
 * A network namespace standing for a VRF has its own forwarding switch, off by default; the tenant routes
 * between its subnets there. (A VRF device shares the leaf's, which interfaces.sh turns on.)
 */
const TENANT_NAMESPACE_SYSCTLS = ['net.ipv4.ip_forward=1'];

/**
 * The SVI holds the anycast gateway, so hosts' ARP for it lands there and zebra learns them (their MAC and IP as
 * EVPN type-2 routes) from its neighbour table, as before. It answers ARP only for its own (the anycast) address,
 * and accepts gratuitous ARP as netlab's FRR anycast gateway does.
 */
const SVI_SYSCTLS = ['net.ipv4.conf.<dev>.arp_ignore=1', 'net.ipv4.conf.<dev>.arp_accept=1'];
/** The leaf's own macvlan: ARP from its own address (arp_announce=2), and answers only for it (arp_ignore=1). */
const OWN_SYSCTLS = ['net.ipv4.conf.<dev>.arp_announce=2', 'net.ipv4.conf.<dev>.arp_ignore=1'];

/**
 * The macvlan holding the leaf's own address in a subnet: `br<vni>-v0`, the name ifupdown2's `address-virtual`
 * gives the first macvlan of a bridge, so the script and the persistent interfaces file make the same device.
 */
export function ownDeviceOf(subnet: SubnetIR): string {
  return interfaceName(`${subnet.bridge}-v0`);
}

export function buildLeafOverlayView(fabric: FabricIR, overlay: OverlayIR, sw: SwitchIR): LeafOverlayView {
  const mtu = fabric.mtu - VXLAN_OVERHEAD;
  const vpcs = vpcsServedBy(fabric, overlay, sw);
  const owned = vpcs.map((vpc) => ownedByTenant(fabric, overlay, sw, vpc));
  return {
    title: shellComment(`${sw.name} (${sw.role})`),
    vtepAddress: shellWord(sw.loopback),
    vxlanPort: shellWord(VPC_VXLAN_PORT),
    mtu: shellWord(mtu),
    mtuReason: shellComment(`${mtu} = fabric MTU ${fabric.mtu} - ${VXLAN_OVERHEAD} bytes of VXLAN`),
    tenantSysctls: TENANT_NAMESPACE_SYSCTLS.map(shellWord),
    tenants: vpcs.map((vpc, i) => tenantView(fabric, overlay, sw, vpc, owned[i]!)),
    converge: buildConvergeView({
      owner: 'overlay.sh',
      makesLinks: true,
      labelsAddresses: false,
      routeProtocol: null,
      links: owned.flatMap((o) => [o.vrf, ...o.links]),
      addresses: owned.flatMap((o) => o.addresses),
    }),
    // Nothing of overlay-netns.sh stays here: it moves every device into a tenant namespace.
    convergeNetns: buildConvergeView({ owner: 'overlay-netns.sh', makesLinks: true, labelsAddresses: false, routeProtocol: null }),
    tenantMark: shellWord(`thrice overlay-netns.sh, tenant namespace of ${sw.name}`),
    tenantNamespaces: vpcs.map((vpc) => tenantNetnsName(sw.name, vpc.vrf)).sort(),
  };
}

/** What one tenant makes on this leaf: its VRF, then the devices and addresses inside it. */
interface TenantOwned {
  readonly vrf: string;
  readonly links: readonly string[];
  readonly addresses: readonly { readonly device: string; readonly address: string }[];
}

function ownedByTenant(fabric: FabricIR, overlay: OverlayIR, sw: SwitchIR, vpc: VpcIR): TenantOwned {
  const subnets = subnetsServedBy(vpc, sw);
  return {
    vrf: vpc.vrf,
    links: [
      vpc.l3Vxlan,
      vpc.l3Bridge,
      ...subnets.flatMap((subnet) => [
        subnet.vxlan,
        subnet.bridge,
        ownDeviceOf(subnet),
        ...hostsWithVmsIn(fabric, overlay, sw, subnet).map((host) => subinterfaceName(host, subnet)),
      ]),
    ],
    addresses: subnets.flatMap((subnet) => [
      { device: subnet.bridge, address: `${subnet.gateway}/${subnet.prefixLength}` },
      { device: ownDeviceOf(subnet), address: `${ownAddressOf(sw, subnet)}/${subnet.prefixLength}` },
    ]),
  };
}

function tenantView(fabric: FabricIR, overlay: OverlayIR, sw: SwitchIR, vpc: VpcIR, owned: TenantOwned): LeafTenantView {
  const keep = buildConvergeView({
    owner: 'overlay-netns.sh',
    makesLinks: true,
    labelsAddresses: false,
    routeProtocol: null,
    links: owned.links,
    addresses: owned.addresses,
  });
  const netns = tenantNetnsName(sw.name, vpc.vrf);
  const peers = vpc.peers.length > 0 ? `, peered with ${vpc.peers.join(', ')}` : '';
  return {
    comment: shellComment(`VPC ${vpc.name} ${vpc.cidr}: VRF ${vpc.vrf}, routing table ${vpc.vrfTable}, L3 VNI ${vpc.l3Vni}${peers}`),
    vrf: shellWord(vpc.vrf),
    vrfTable: shellWord(vpc.vrfTable),
    netns: shellWord(netns),
    netnsNotice: shellWord(`thrice: VRF ${vpc.vrf} of ${sw.name} is network namespace ${netns}`),
    l3Vni: {
      comment: shellComment(`L3 VNI ${vpc.l3Vni} (symmetric IRB): routed tenant traffic between leaves; the bridge MAC is the router MAC`),
      vni: shellWord(vpc.l3Vni),
      vxlan: shellWord(vpc.l3Vxlan),
      bridge: shellWord(vpc.l3Bridge),
      mac: shellWord(routerMacOf(vpc, sw)),
    },
    subnets: subnetsServedBy(vpc, sw).map((subnet) => subnetView(fabric, overlay, sw, routerMacOf(vpc, sw), subnet)),
    keepLinks: keep.links,
    keepAddresses: keep.addresses,
  };
}

/**
 * FRR/Cumulus' VRR and netlab's FRR anycast gateway, with the two pairs' places swapped: the SVI (the subnet's
 * bridge) keeps the shared anycast MAC and address, and a private macvlan on it holds the leaf's own MAC (its router
 * MAC) and address, whose prefix route wins (the anycast one has metric 1024). The leaf thus ARPs from its own pair,
 * so the reply of a host behind another leaf comes back to it instead of being absorbed by the leaf nearest the
 * host; hosts' ARP for the gateway still lands on the SVI, the only neighbour table zebra learns local hosts from
 * (Cumulus adds neighmgrd to copy the macvlan's; stock FRR has nothing like it). The bridge delivers the leaf's
 * own MAC locally (`bridge fdb ... self local`).
 */
function subnetView(fabric: FabricIR, overlay: OverlayIR, sw: SwitchIR, leafMac: string, subnet: SubnetIR): LeafSubnetView {
  const hosts = hostsWithVmsIn(fabric, overlay, sw, subnet);
  const own = ownAddressOf(sw, subnet);
  const device = ownDeviceOf(subnet);
  return {
    vni: {
      comment: shellComment(
        `subnet ${subnet.vpc}/${subnet.name} ${subnet.cidr}: L2 VNI ${subnet.vni}, VLAN ${subnet.vlan} to hosts, anycast gateway ${subnet.gateway}`,
      ),
      vni: shellWord(subnet.vni),
      vxlan: shellWord(subnet.vxlan),
      bridge: shellWord(subnet.bridge),
      mac: shellWord(subnet.gatewayMac),
    },
    gateway: shellWord(`${subnet.gateway}/${subnet.prefixLength}`),
    sviSysctls: SVI_SYSCTLS.map((s) => shellWord(s.replace('<dev>', subnet.bridge))),
    own: {
      comment: shellComment(`${sw.name}'s own address ${own} in the subnet, on macvlan ${device}: it ARPs from it, so replies come back here`),
      device: shellWord(device),
      mac: shellWord(leafMac),
      address: shellWord(`${own}/${subnet.prefixLength}`),
      sysctls: OWN_SYSCTLS.map((s) => shellWord(s.replace('<dev>', device))),
    },
    ports: hosts.map((host) => subinterfaceView(host, subnet)),
  };
}

/** Hosts under this leaf with a VM in the subnet, by leaf port: each gets the subnet's VLAN on its trunk. */
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

/** The leaf's own address in the subnet (its SVI address); its absence is an IR bug. */
function ownAddressOf(sw: SwitchIR, subnet: SubnetIR): string {
  const own = subnet.leafAddresses.find((a) => a.leaf === sw.name);
  if (!own) throw new Error(`thrice: overlay IR has no SVI address of ${sw.name} in subnet ${subnet.vpc}/${subnet.name}`);
  return own.address;
}

function subinterfaceName(host: HostIR, subnet: SubnetIR): string {
  return interfaceName(`${host.leafInterface}.${subnet.vlan}`);
}

function subinterfaceView(host: HostIR, subnet: SubnetIR): LeafSubinterfaceView {
  const device = subinterfaceName(host, subnet);
  return {
    comment: shellComment(`${device} to host ${host.name}`),
    device: shellWord(device),
    parent: shellWord(host.leafInterface),
    vlan: shellWord(subnet.vlan),
  };
}
