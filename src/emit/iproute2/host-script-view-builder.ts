// Decides one hypervisor's setup.sh (VLAN trunk to its leaf, a bridge per subnet, VM ports) as a sorted, shell-quoted view.
import { interfaceName } from '../../ir/interface-name.js';
import { VXLAN_OVERHEAD } from '../../ir/encapsulation.js';
import type { FabricIR, HostIR } from '../../ir/fabric-ir.js';
import type { OverlayIR, SubnetIR, VmIR } from '../../ir/overlay-ir.js';
import type { HostScriptView, HostUnderlayView, HostVlanView, HostVmPortView } from './host-script-view.js';
import { naturalCompare } from '../../ir/natural-order.js';
import { shellComment, shellWord } from './shell-word.js';
import { vmsOnHost } from '../../ir/vm-index.js';
import { ATTACHMENT_ROUTE_PROTOCOL, buildConvergeView } from './build-converge-view.js';
import { thriceLabel } from './thrice-label.js';

export function buildHostScriptView(fabric: FabricIR, overlay: OverlayIR, host: HostIR): HostScriptView {
  const vms = [...vmsOnHost(overlay, host.name)].sort((a, b) => naturalCompare(a.hostPort, b.hostPort));
  // The trunk must carry the largest VM frame; a VM MTU above the leaf's would be the IR's error, not hidden here.
  const mtu = Math.max(fabric.mtu - VXLAN_OVERHEAD, ...vms.map((vm) => vm.mtu));
  const subnets = subnetsOf(overlay, vms);
  const bridgeOf = new Map(subnets.map((s) => [subnetKey(s), hostBridgeName(s.vlan)]));
  return {
    converge: buildConvergeView({
      owner: 'setup.sh',
      makesLinks: true,
      labelsAddresses: true,
      routeProtocol: ATTACHMENT_ROUTE_PROTOCOL,
      links: [
        ...subnets.flatMap((s) => [hostBridgeName(s.vlan), interfaceName(`${host.uplink}.${s.vlan}`)]),
        ...vms.map((vm) => interfaceName(vm.hostPort)),
      ],
      addresses: [{ device: host.uplink, address: `${host.address}/32` }],
      routes: [fabric.loopbackPool],
    }),
    title: shellComment(`${host.name} (under ${host.leaf} ${host.leafInterface})`),
    uplink: {
      comment: shellComment(`${host.uplink} to ${host.leaf} ${host.leafInterface}: an 802.1Q trunk of every subnet below`),
      device: shellWord(host.uplink),
      mtu: shellWord(mtu),
    },
    underlay: underlayView(fabric, host),
    vlans: subnets.map((s) => vlanView(host, s, vms, mtu)),
    vmPorts: vms.map((vm) => vmPortView(vm, bridgeOf.get(`${vm.vpc}/${vm.subnet}`))),
  };
}

/** Untagged on the uplink: the hypervisor's /32, and the loopback pool (the whole underlay) via its leaf's loopback. */
function underlayView(fabric: FabricIR, host: HostIR): HostUnderlayView {
  const leaf = fabric.switches.find((s) => s.name === host.leaf);
  if (!leaf) throw new Error(`thrice: fabric IR has no leaf ${host.leaf} for host ${host.name}`);
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
  const names = vms.filter((vm) => vm.vpc === subnet.vpc && vm.subnet === subnet.name).map((vm) => vm.name).sort(naturalCompare);
  return {
    comment: shellComment(
      `VLAN ${subnet.vlan}: subnet ${subnetKey(subnet)} ${subnet.cidr} (VNI ${subnet.vni} on the leaf), VMs ${names.join(', ')}`,
    ),
    vlan: shellWord(subnet.vlan),
    uplink: shellWord(host.uplink),
    subinterface: shellWord(interfaceName(`${host.uplink}.${subnet.vlan}`)),
    bridge: shellWord(hostBridgeName(subnet.vlan)),
    mtu: shellWord(mtu),
  };
}

function vmPortView(vm: VmIR, bridge: string | undefined): HostVmPortView {
  if (bridge === undefined) throw new Error(`thrice: overlay IR has no subnet ${vm.vpc}/${vm.subnet} for VM ${vm.name}`);
  return {
    comment: shellComment(`${vm.hostPort}: VM ${vm.name}, subnet ${vm.vpc}/${vm.subnet}, ${vm.ip}/${vm.prefixLength}, MAC ${vm.mac.toLowerCase()}`),
    device: shellWord(interfaceName(vm.hostPort)),
    peer: shellWord(interfaceName(`${vm.hostPort}-vm`)),
    bridge: shellWord(bridge),
    mtu: shellWord(vm.mtu),
  };
}

/** The subnets of these VMs, by VLAN; two subnets sharing a VLAN on one trunk would merge their L2 domains. */
function subnetsOf(overlay: OverlayIR, vms: readonly VmIR[]): SubnetIR[] {
  const byKey = subnetsByKey(overlay);
  const wanted = new Set(vms.map((vm) => `${vm.vpc}/${vm.subnet}`));
  const subnets = [...wanted].map((key) => byKey.get(key)).filter((s): s is SubnetIR => s !== undefined);
  subnets.sort((a, b) => a.vlan - b.vlan);
  subnets.forEach((s, i) => {
    const next = subnets[i + 1];
    if (next && next.vlan === s.vlan) throw new Error(`thrice: subnets ${subnetKey(s)} and ${subnetKey(next)} share VLAN ${s.vlan}`);
  });
  return subnets;
}

const subnetIndexes = new WeakMap<OverlayIR, ReadonlyMap<string, SubnetIR>>();

/** Built once per overlay: hosts are many, and each would otherwise scan every subnet. */
function subnetsByKey(overlay: OverlayIR): ReadonlyMap<string, SubnetIR> {
  let index = subnetIndexes.get(overlay);
  if (!index) subnetIndexes.set(overlay, (index = new Map(overlay.vpcs.flatMap((vpc) => vpc.subnets).map((s) => [subnetKey(s), s]))));
  return index;
}

function subnetKey(subnet: SubnetIR): string {
  return `${subnet.vpc}/${subnet.name}`;
}

/** The hypervisor bridge of a subnet's VLAN, which its VMs' ports join. */
export function hostBridgeName(vlan: number): string {
  return interfaceName(`vlan${vlan}`);
}
