// Decides the stanzas of one VPC on a VTEP leaf: VRF, L3 VNI, and per subnet its VNI, host VLANs and anycast-gateway bridge.
import { VPC_VXLAN_PORT, VXLAN_OVERHEAD } from '../../ir/encapsulation.js';
import type { FabricIR, SwitchIR } from '../../ir/fabric-ir.js';
import type { OverlayIR, VpcIR } from '../../ir/overlay-ir.js';
import { routerMacOf } from '../frr/served-vpcs.js';
import { ownDeviceOf, ownSysctls, type ServedSubnet, servedSubnets, subinterfaceName, sviSysctls } from '../iproute2/leaf-subnet-devices.js';
import { shellComment } from '../iproute2/shell-word.js';
import type { InterfaceStanzaView, StanzaAttributeView } from './interface-stanza-view.js';
import { attribute, postUp } from './stanza-attribute.js';
import type { TenantStanzasView } from './switch-interfaces-view.js';

/** overlay.sh's ARP settings of the SVI, but arp_accept: ifupdown2 has it as an attribute (`arp-accept on`). */
const NATIVE_SYSCTL = /\.arp_accept=/;
const SYSCTL_WHY = 'ifupdown2 has no attribute for arp_ignore/arp_announce';

export function buildTenantStanzas(fabric: FabricIR, overlay: OverlayIR, sw: SwitchIR, vpc: VpcIR): TenantStanzasView {
  const mtu = fabric.mtu - VXLAN_OVERHEAD;
  const routerMac = routerMacOf(vpc, sw);
  const peers = vpc.peers.length > 0 ? `, peered with ${vpc.peers.join(', ')}` : '';
  return {
    comment: shellComment(`VPC ${vpc.name} ${vpc.cidr}: VRF ${vpc.vrf}, routing table ${vpc.vrfTable}, L3 VNI ${vpc.l3Vni}${peers}`),
    stanzas: [
      { comment: null, name: vpc.vrf, method: '', attributes: [attribute('vrf-table', vpc.vrfTable)] },
      vxlanStanza(sw, vpc.l3Vni, vpc.l3Vxlan, mtu, `L3 VNI ${vpc.l3Vni} (symmetric IRB): routed tenant traffic between leaves`),
      {
        comment: shellComment(`${vpc.l3Bridge}: the L3 VNI's bridge (its SVI), with the router MAC and no address, not even IPv6 link-local (addrgenmode none, as FRR's EVPN docs set it)`),
        name: vpc.l3Bridge,
        method: '',
        attributes: [...bridgeOfVni(vpc.l3Vxlan, []), attribute('hwaddress', routerMac), attribute('vrf', vpc.vrf), attribute('ipv6-addrgen', 'off')],
      },
      ...servedSubnets(fabric, overlay, sw, vpc).flatMap((served) => subnetStanzas(sw, vpc, routerMac, served, mtu)),
    ],
  };
}

function vxlanStanza(sw: SwitchIR, vni: number, device: string, mtu: number, comment: string): InterfaceStanzaView {
  return {
    comment: shellComment(comment),
    name: device,
    method: '',
    attributes: [
      attribute('vxlan-id', vni),
      attribute('vxlan-local-tunnelip', sw.loopback),
      attribute('vxlan-port', VPC_VXLAN_PORT),
      attribute('vxlan-learning', 'no'),
      attribute('mtu', mtu),
    ],
  };
}

/**
 * A VNI's bridge: the VXLAN device (neighbour suppression on, learning off: EVPN fills the FDB) and host VLANs. No
 * `mtu`: a bridge takes its ports' (ifupdown2 warns when one is set).
 */
function bridgeOfVni(vxlan: string, hostVlans: readonly string[]): StanzaAttributeView[] {
  return [
    attribute('bridge-ports', vxlan, ...hostVlans),
    attribute('bridge-learning', `${vxlan}=off`),
    attribute('bridge-arp-nd-suppress', `${vxlan}=on`),
  ];
}

/**
 * overlay.sh's anycast gateway (see there and the README): the bridge keeps the shared gateway MAC and address at
 * metric 1024, a private macvlan `<bridge>-v0` the leaf's own MAC and address at metric 0, and the bridge delivers
 * the leaf's MAC locally. `address-virtual <leaf MAC> <own address>` makes exactly that macvlan (same name, mode
 * private, in the VRF, the bridge's MTU) and FDB entry (`bridge fdb replace <MAC> dev <bridge> self`, permanent), but
 * puts the metric on the wrong address: two `post-up`s move it.
 */
function subnetStanzas(sw: SwitchIR, vpc: VpcIR, routerMac: string, { subnet, hosts, ownAddress: own }: ServedSubnet, mtu: number): InterfaceStanzaView[] {
  const ownDevice = ownDeviceOf(subnet);
  const gateway = `${subnet.gateway}/${subnet.prefixLength}`;
  const ownAddress = `${own}/${subnet.prefixLength}`;
  const vlans = hosts.map((host) => ({ host, device: subinterfaceName(host, subnet.vlan) }));
  return [
    vxlanStanza(sw, subnet.vni, subnet.vxlan, mtu, `subnet ${subnet.vpc}/${subnet.name} ${subnet.cidr}: L2 VNI ${subnet.vni}, VLAN ${subnet.vlan} to hosts`),
    ...vlans.map(({ host, device }) => ({
      comment: shellComment(`${device} to host ${host.name} (802.1Q, from the dotted name)`),
      name: device,
      method: '',
      attributes: [attribute('mtu', mtu)],
    })),
    {
      comment: shellComment(
        `${subnet.bridge}: the subnet's SVI, anycast gateway ${subnet.gateway}; ${sw.name}'s own address ${own} on macvlan ${ownDevice}, from which it ARPs`,
      ),
      name: subnet.bridge,
      method: '',
      attributes: [
        ...bridgeOfVni(subnet.vxlan, vlans.map((v) => v.device)),
        attribute('hwaddress', subnet.gatewayMac),
        attribute('vrf', vpc.vrf),
        attribute('address', gateway),
        attribute('arp-accept', 'on'),
        attribute('address-virtual', routerMac, ownAddress),
        postUp('the shared gateway prefix route must lose to the own one: ifupdown2 has no metric attribute for an address', [
          'ip addr replace',
          { data: gateway },
          'dev',
          { data: subnet.bridge },
          'metric 1024',
        ]),
        postUp(`address-virtual gave ${ownDevice}'s address metric 1024 (its addressvirtual_with_route_metric policy): back to 0, so it wins`, [
          'ip addr replace',
          { data: ownAddress },
          'dev',
          { data: ownDevice },
        ]),
        ...sysctls([...sviSysctls(subnet.bridge).filter((s) => !NATIVE_SYSCTL.test(s)), ...ownSysctls(ownDevice)]),
      ],
    },
  ];
}

function sysctls(settings: readonly string[]): StanzaAttributeView[] {
  return settings.map((setting, i) => postUp(i === 0 ? SYSCTL_WHY : null, ['sysctl -q -w', { data: setting }]));
}
