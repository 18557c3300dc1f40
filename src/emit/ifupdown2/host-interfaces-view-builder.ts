// Decides one hypervisor's ifupdown2 interfaces file (trunk, underlay, a bridge per subnet; VM ports are libvirt's) as a view.
import { interfaceName } from '../../ir/interface-name.js';
import { VXLAN_OVERHEAD } from '../../ir/encapsulation.js';
import type { FabricIR, HostIR } from '../../ir/fabric-ir.js';
import type { OverlayIR, SubnetIR, VmIR } from '../../ir/overlay-ir.js';
import { naturalCompare } from '../../ir/natural-order.js';
import { vmsOnHost } from '../../ir/vm-index.js';
import { VM_PORT_PREFIX } from '../../ir/vm-port-name.js';
import { hostBridgeName } from '../iproute2/host-script-view-builder.js';
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
  const vms = [...vmsOnHost(overlay, host.name)].sort((a, b) => naturalCompare(a.hostPort, b.hostPort));
  // As setup.sh: the trunk carries the largest VM frame.
  const mtu = Math.max(fabric.mtu - VXLAN_OVERHEAD, ...vms.map((vm) => vm.mtu));
  return {
    title: shellComment(`${host.name} (under ${host.leaf} ${host.leafInterface})`),
    vmPorts: vms.map((vm) =>
      shellComment(`${vm.hostPort}: VM ${vm.name} (vms/${vm.name}/libvirt-interface.xml) in bridge ${hostBridgeName(subnetOf(overlay, vm).vlan)}`),
    ),
    uplink: uplinkStanza(fabric, host, mtu),
    vlans: subnetsOf(overlay, vms).flatMap((subnet) => vlanStanzas(host, subnet, vms, mtu)),
  };
}

/** Untagged on the uplink: the hypervisor's /32, and the loopback pool (the whole underlay) via its leaf's loopback. */
function uplinkStanza(fabric: FabricIR, host: HostIR, mtu: number): InterfaceStanzaView {
  const leaf = fabric.switches.find((s) => s.name === host.leaf);
  if (!leaf) throw new Error(`thrice: fabric IR has no leaf ${host.leaf} for host ${host.name}`);
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
  const subinterface = interfaceName(`${host.uplink}.${subnet.vlan}`);
  const names = vms.filter((vm) => vm.vpc === subnet.vpc && vm.subnet === subnet.name).map((vm) => vm.name).sort(naturalCompare);
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

/** The subnets of these VMs, by VLAN; two sharing a VLAN on one trunk would merge their L2 domains. */
function subnetsOf(overlay: OverlayIR, vms: readonly VmIR[]): SubnetIR[] {
  const subnets = [...new Set(vms.map((vm) => subnetOf(overlay, vm)))].sort((a, b) => a.vlan - b.vlan);
  subnets.forEach((s, i) => {
    const next = subnets[i + 1];
    if (next && next.vlan === s.vlan) throw new Error(`thrice: subnets ${s.vpc}/${s.name} and ${next.vpc}/${next.name} share VLAN ${s.vlan}`);
  });
  return subnets;
}

const subnetIndexes = new WeakMap<OverlayIR, ReadonlyMap<string, SubnetIR>>();

/** Through an index built once per overlay: hosts are many, and each would otherwise scan every subnet. */
function subnetOf(overlay: OverlayIR, vm: VmIR): SubnetIR {
  let index = subnetIndexes.get(overlay);
  if (!index) subnetIndexes.set(overlay, (index = new Map(overlay.vpcs.flatMap((vpc) => vpc.subnets).map((s) => [`${s.vpc}/${s.name}`, s]))));
  const subnet = index.get(`${vm.vpc}/${vm.subnet}`);
  if (!subnet) throw new Error(`thrice: overlay IR has no subnet ${vm.vpc}/${vm.subnet} for VM ${vm.name}`);
  return subnet;
}
