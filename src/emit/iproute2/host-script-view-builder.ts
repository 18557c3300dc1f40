// Decides one hypervisor's setup.sh (VLAN trunk to its leaf, a bridge per subnet, VM ports) as a sorted, shell-quoted view.
import { interfaceName } from '../../ir/interface-name.js';
import type { FabricIR, HostIR, SwitchIR } from '../../ir/fabric-ir.js';
import type { OverlayIR, SubnetIR, VmIR } from '../../ir/overlay-ir.js';
import type { HostScriptView, HostUnderlayView, HostVlanView, HostVmPortView } from './host-script-view.js';
import { shellComment, shellWord } from './shell-word.js';
import { ATTACHMENT_ROUTE_PROTOCOL, buildConvergeView } from './build-converge-view.js';
import { thriceLabel } from './thrice-label.js';
import { hostBridgeName, hostSubinterfaceName, hostTrunk, subnetOfVm, vmNamesIn } from './host-trunk.js';

export function buildHostScriptView(fabric: FabricIR, overlay: OverlayIR, host: HostIR): HostScriptView {
  const { vms, subnets, mtu, leaf } = hostTrunk(fabric, overlay, host);
  return {
    converge: buildConvergeView({
      owner: 'setup.sh',
      makesLinks: true,
      labelsAddresses: true,
      routeProtocol: ATTACHMENT_ROUTE_PROTOCOL,
      links: [...subnets.flatMap((s) => [hostBridgeName(s.vlan), hostSubinterfaceName(host, s.vlan)]), ...vms.map((vm) => interfaceName(vm.hostPort))],
      addresses: [{ device: host.uplink, address: `${host.address}/32` }],
      routes: [fabric.loopbackPool],
    }),
    title: shellComment(`${host.name} (under ${host.leaf} ${host.leafInterface})`),
    uplink: {
      comment: shellComment(`${host.uplink} to ${host.leaf} ${host.leafInterface}: an 802.1Q trunk of every subnet below`),
      device: shellWord(host.uplink),
      mtu: shellWord(mtu),
    },
    underlay: underlayView(fabric, host, leaf),
    vlans: subnets.map((s) => vlanView(host, s, vms, mtu)),
    vmPorts: vms.map((vm) => vmPortView(vm, hostBridgeName(subnetOfVm(overlay, vm).vlan))),
  };
}

/** Untagged on the uplink: the hypervisor's /32, and the loopback pool (the whole underlay) via its leaf's loopback. */
function underlayView(fabric: FabricIR, host: HostIR, leaf: SwitchIR): HostUnderlayView {
  return {
    comment: shellComment(`${host.address}/32 untagged on ${host.uplink}; the underlay (${fabric.loopbackPool}) via ${host.leaf}'s loopback ${leaf.loopback}`),
    address: shellWord(`${host.address}/32`),
    label: shellWord(thriceLabel(host.uplink)),
    source: shellWord(host.address),
    device: shellWord(host.uplink),
    pool: shellWord(fabric.loopbackPool),
    gateway: shellWord(leaf.loopback),
  };
}

function vlanView(host: HostIR, subnet: SubnetIR, vms: readonly VmIR[], mtu: number): HostVlanView {
  return {
    comment: shellComment(
      `VLAN ${subnet.vlan}: subnet ${subnet.vpc}/${subnet.name} ${subnet.cidr} (VNI ${subnet.vni} on the leaf), VMs ${vmNamesIn(subnet, vms).join(', ')}`,
    ),
    vlan: shellWord(subnet.vlan),
    uplink: shellWord(host.uplink),
    subinterface: shellWord(hostSubinterfaceName(host, subnet.vlan)),
    bridge: shellWord(hostBridgeName(subnet.vlan)),
    mtu: shellWord(mtu),
  };
}

function vmPortView(vm: VmIR, bridge: string): HostVmPortView {
  return {
    comment: shellComment(`${vm.hostPort}: VM ${vm.name}, subnet ${vm.vpc}/${vm.subnet}, ${vm.ip}/${vm.prefixLength}, MAC ${vm.mac.toLowerCase()}`),
    device: shellWord(interfaceName(vm.hostPort)),
    peer: shellWord(interfaceName(`${vm.hostPort}-vm`)),
    bridge: shellWord(bridge),
    mtu: shellWord(vm.mtu),
  };
}
