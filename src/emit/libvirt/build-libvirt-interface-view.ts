// Decides one VM's libvirt `<interface>`: its hypervisor bridge, MAC, MTU and the port name thrice's filters key on.
import type { OverlayIR, VmIR } from '../../ir/overlay-ir.js';
import { hostBridgeName, subnetOfVm } from '../iproute2/host-trunk.js';
import type { LibvirtInterfaceView } from './libvirt-interface-view.js';
import { xmlAttr, xmlComment } from './xml-text.js';

export function buildLibvirtInterfaceView(overlay: OverlayIR, vm: VmIR): LibvirtInterfaceView {
  const subnet = subnetOfVm(overlay, vm);
  return {
    title: xmlComment(`VM ${vm.name} (VPC ${vm.vpc}, subnet ${vm.subnet}, ${vm.ip}/${vm.prefixLength}) on hypervisor ${vm.host}`),
    usedBy: xmlComment(`hosts/${vm.host}/setup.sh and nftables/${vm.host}.nft name this port ${vm.hostPort}`),
    // Lower case, as libvirt and the kernel print it.
    mac: xmlAttr(vm.mac.toLowerCase()),
    bridge: xmlAttr(hostBridgeName(subnet.vlan)),
    target: xmlAttr(vm.hostPort),
    mtu: xmlAttr(vm.mtu),
  };
}
