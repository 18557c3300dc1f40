// Decides one hypervisor's ifupdown2 interfaces file (trunk, underlay, a bridge per subnet; VM ports are libvirt's) as a view.
import type { FabricIR, HostIR, SwitchIR } from '../../ir/fabric-ir.js';
import type { OverlayIR, SubnetIR, VmIR } from '../../ir/overlay-ir.js';
import { VM_PORT_PREFIX } from '../../ir/vm-port-name.js';
import { hostBridgeName, hostSubinterfaceName, hostTrunk, subnetOfVm, vmNamesIn } from '../iproute2/host-trunk.js';
import { shellComment } from '../iproute2/shell-word.js';
import type { HostInterfacesView } from './host-interfaces-view.js';
import type { InterfaceStanzaView, StanzaAttributeView } from './interface-stanza-view.js';
import { attribute, postUp } from './stanza-attribute.js';

/**
 * libvirt plugs each VM's tap into its subnet's bridge when the VM starts; ifreload unplugs (and downs) every bridge
 * port the file does not list unless it matches this. A constant pattern, not the VMs of today, so that a VM added
 * before this file is regenerated keeps its port. (Not a plain value, hence no `attribute()`; it holds no data.)
 */
const CONDONE_VM_PORTS: StanzaAttributeView = {
  why: shellComment(`${VM_PORT_PREFIX}N ports are libvirt's: ifreload must leave them in the bridge`),
  keyword: 'bridge-ports-condone-regex',
  value: `^${VM_PORT_PREFIX}[0-9]+$`,
};

export function buildHostInterfacesView(fabric: FabricIR, overlay: OverlayIR, host: HostIR): HostInterfacesView {
  const { vms, subnets, mtu, leaf } = hostTrunk(fabric, overlay, host);
  return {
    title: shellComment(`${host.name} (under ${host.leaf} ${host.leafInterface})`),
    vmPorts: vms.map((vm) =>
      shellComment(`${vm.hostPort}: VM ${vm.name} (vms/${vm.name}/libvirt-interface.xml) in bridge ${hostBridgeName(subnetOfVm(overlay, vm).vlan)}`),
    ),
    uplink: uplinkStanza(fabric, host, leaf, mtu),
    vlans: subnets.flatMap((subnet) => vlanStanzas(host, subnet, vms, mtu)),
  };
}

/** Untagged on the uplink: the hypervisor's /32, and the loopback pool (the whole underlay) via its leaf's loopback. */
function uplinkStanza(fabric: FabricIR, host: HostIR, leaf: SwitchIR, mtu: number): InterfaceStanzaView {
  return {
    comment: shellComment(`${host.uplink} to ${host.leaf} ${host.leafInterface}: an 802.1Q trunk of every subnet below; untagged, the underlay address`),
    name: host.uplink,
    method: '',
    attributes: [
      attribute('mtu', mtu),
      attribute('address', `${host.address}/32`),
      postUp(
        `the underlay (${fabric.loopbackPool}) via ${host.leaf}'s loopback, on-link (the leaf answers ARP for it here), from this host's address: ifupdown2's gateway is a default route only, without onlink or src`,
        ['ip route replace', { data: fabric.loopbackPool }, 'via', { data: leaf.loopback }, 'dev', { data: host.uplink }, 'onlink src', { data: host.address }],
      ),
    ],
  };
}

function vlanStanzas(host: HostIR, subnet: SubnetIR, vms: readonly VmIR[], mtu: number): InterfaceStanzaView[] {
  const subinterface = hostSubinterfaceName(host, subnet.vlan);
  const names = vmNamesIn(subnet, vms);
  return [
    {
      comment: shellComment(`VLAN ${subnet.vlan}: subnet ${subnet.vpc}/${subnet.name} ${subnet.cidr} (VNI ${subnet.vni} on the leaf), VMs ${names.join(', ')}`),
      name: subinterface,
      method: '',
      attributes: [attribute('mtu', mtu)],
    },
    { comment: null, name: hostBridgeName(subnet.vlan), method: '', attributes: [attribute('bridge-ports', subinterface), CONDONE_VM_PORTS] },
  ];
}
