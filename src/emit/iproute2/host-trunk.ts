// What a hypervisor's trunk to its leaf carries, shared by setup.sh and the persistent interfaces file.
import { interfaceName } from '../../ir/interface-name.js';
import { VXLAN_OVERHEAD } from '../../ir/encapsulation.js';
import type { FabricIR, HostIR, SwitchIR } from '../../ir/fabric-ir.js';
import type { OverlayIR, SubnetIR, VmIR } from '../../ir/overlay-ir.js';
import { naturalCompare } from '../../ir/natural-order.js';
import { vmsOnHost } from '../../ir/vm-index.js';

export interface HostTrunk {
  /** The host's VMs, by port (`vmport0`, `vmport1`, … in natural order). */
  readonly vms: readonly VmIR[];
  /** The subnets of those VMs, by VLAN: one subinterface and bridge each. */
  readonly subnets: readonly SubnetIR[];
  /** The trunk's MTU: it must carry the largest VM frame (a VM MTU above the leaf's would be the IR's error). */
  readonly mtu: number;
  /** The leaf the uplink is cabled to: its loopback is the host's way into the underlay. */
  readonly leaf: SwitchIR;
}

export function hostTrunk(fabric: FabricIR, overlay: OverlayIR, host: HostIR): HostTrunk {
  const vms = [...vmsOnHost(overlay, host.name)].sort((a, b) => naturalCompare(a.hostPort, b.hostPort));
  const leaf = fabric.switches.find((s) => s.name === host.leaf);
  if (!leaf) throw new Error(`thrice: fabric IR has no leaf ${host.leaf} for host ${host.name}`);
  return { vms, subnets: subnetsOf(overlay, vms), mtu: Math.max(fabric.mtu - VXLAN_OVERHEAD, ...vms.map((vm) => vm.mtu)), leaf };
}

/** The hypervisor bridge of a subnet's VLAN, which its VMs' ports join. */
export function hostBridgeName(vlan: number): string {
  return interfaceName(`vlan${vlan}`);
}

/** The uplink's subinterface of a VLAN, `eth0.<vlan>`. */
export function hostSubinterfaceName(host: HostIR, vlan: number): string {
  return interfaceName(`${host.uplink}.${vlan}`);
}

/** The VMs of the host in the subnet, by name. */
export function vmNamesIn(subnet: SubnetIR, vms: readonly VmIR[]): string[] {
  return vms.filter((vm) => vm.vpc === subnet.vpc && vm.subnet === subnet.name).map((vm) => vm.name).sort(naturalCompare);
}

/** A VM's subnet, through an index built once per overlay: hosts are many, and each would otherwise scan every subnet. */
export function subnetOfVm(overlay: OverlayIR, vm: VmIR): SubnetIR {
  const subnet = subnetsByKey(overlay).get(`${vm.vpc}/${vm.subnet}`);
  if (!subnet) throw new Error(`thrice: overlay IR has no subnet ${vm.vpc}/${vm.subnet} for VM ${vm.name}`);
  return subnet;
}

/** The subnets of these VMs, by VLAN; two subnets sharing a VLAN on one trunk would merge their L2 domains. */
function subnetsOf(overlay: OverlayIR, vms: readonly VmIR[]): SubnetIR[] {
  const subnets = [...new Set(vms.map((vm) => subnetOfVm(overlay, vm)))].sort((a, b) => a.vlan - b.vlan);
  subnets.forEach((s, i) => {
    const next = subnets[i + 1];
    if (next && next.vlan === s.vlan) throw new Error(`thrice: subnets ${s.vpc}/${s.name} and ${next.vpc}/${next.name} share VLAN ${s.vlan}`);
  });
  return subnets;
}

const subnetIndexes = new WeakMap<OverlayIR, ReadonlyMap<string, SubnetIR>>();

function subnetsByKey(overlay: OverlayIR): ReadonlyMap<string, SubnetIR> {
  let index = subnetIndexes.get(overlay);
  if (!index) subnetIndexes.set(overlay, (index = new Map(overlay.vpcs.flatMap((vpc) => vpc.subnets.map((s) => [`${vpc.name}/${s.name}`, s] as const)))));
  return index;
}
