// Decides one leaf's tenant overlay scripts (VRFs, L3 and L2 VNIs, anycast gateways, host VLANs) as a sorted, quoted view.
import { VPC_VXLAN_PORT, VXLAN_OVERHEAD } from '../../ir/encapsulation.js';
import type { FabricIR, HostIR, SwitchIR } from '../../ir/fabric-ir.js';
import type { OverlayIR, SubnetIR, VpcIR } from '../../ir/overlay-ir.js';
import type { LeafOverlayView, LeafSubinterfaceView, LeafSubnetView, LeafTenantView } from './leaf-overlay-view.js';
import { routerMacOf, vpcsServedBy } from '../frr/served-vpcs.js';
import { tenantNetnsName } from './leaf-overlay-netns-name.js';
import { shellComment, shellWord } from './shell-word.js';
import { buildConvergeView } from './build-converge-view.js';
import { ownDeviceOf, ownSysctls, type ServedSubnet, servedSubnets, subinterfaceName, sviSysctls } from './leaf-subnet-devices.js';

/**
 * A network namespace standing for a VRF has its own forwarding switch, off by default; the tenant routes
 * between its subnets there. (A VRF device shares the leaf's, which interfaces.sh turns on.)
 */
const TENANT_NAMESPACE_SYSCTLS = ['net.ipv4.ip_forward=1'];

export function buildLeafOverlayView(fabric: FabricIR, overlay: OverlayIR, sw: SwitchIR): LeafOverlayView {
  const mtu = fabric.mtu - VXLAN_OVERHEAD;
  const vpcs = vpcsServedBy(fabric, overlay, sw);
  const served = vpcs.map((vpc) => servedSubnets(fabric, overlay, sw, vpc));
  const owned = vpcs.map((vpc, i) => ownedByTenant(vpc, served[i]!));
  return {
    title: shellComment(`${sw.name} (${sw.role})`),
    vtepAddress: shellWord(sw.loopback),
    vxlanPort: shellWord(VPC_VXLAN_PORT),
    mtu: shellWord(mtu),
    mtuReason: shellComment(`${mtu} = fabric MTU ${fabric.mtu} - ${VXLAN_OVERHEAD} bytes of VXLAN`),
    tenantSysctls: TENANT_NAMESPACE_SYSCTLS.map(shellWord),
    tenants: vpcs.map((vpc, i) => tenantView(sw, vpc, served[i]!, owned[i]!)),
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

function ownedByTenant(vpc: VpcIR, served: readonly ServedSubnet[]): TenantOwned {
  return {
    vrf: vpc.vrf,
    links: [
      vpc.l3Vxlan,
      vpc.l3Bridge,
      ...served.flatMap(({ subnet, hosts }) => [
        subnet.vxlan,
        subnet.bridge,
        ownDeviceOf(subnet),
        ...hosts.map((host) => subinterfaceName(host, subnet.vlan)),
      ]),
    ],
    addresses: served.flatMap(({ subnet, ownAddress }) => [
      { device: subnet.bridge, address: `${subnet.gateway}/${subnet.prefixLength}` },
      { device: ownDeviceOf(subnet), address: `${ownAddress}/${subnet.prefixLength}` },
    ]),
  };
}

function tenantView(sw: SwitchIR, vpc: VpcIR, served: readonly ServedSubnet[], owned: TenantOwned): LeafTenantView {
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
    subnets: served.map((s) => subnetView(sw, routerMacOf(vpc, sw), s)),
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
function subnetView(sw: SwitchIR, leafMac: string, { subnet, hosts, ownAddress: own }: ServedSubnet): LeafSubnetView {
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
    sviSysctls: sviSysctls(subnet.bridge).map(shellWord),
    own: {
      comment: shellComment(`${sw.name}'s own address ${own} in the subnet, on macvlan ${device}: it ARPs from it, so replies come back here`),
      device: shellWord(device),
      mac: shellWord(leafMac),
      address: shellWord(`${own}/${subnet.prefixLength}`),
      sysctls: ownSysctls(device).map(shellWord),
    },
    ports: hosts.map((host) => subinterfaceView(host, subnet)),
  };
}

function subinterfaceView(host: HostIR, subnet: SubnetIR): LeafSubinterfaceView {
  const device = subinterfaceName(host, subnet.vlan);
  return {
    comment: shellComment(`${device} to host ${host.name}`),
    device: shellWord(device),
    parent: shellWord(host.leafInterface),
    vlan: shellWord(subnet.vlan),
  };
}
