// The veth pairs of a lab, read from the IR: fabric cables, host uplinks, per-VLAN stand-ins and pod ports (the outside's are made later, see lab-build.ts).
import type { FabricIR, SwitchIR } from '../ir/fabric-ir.js';
import type { TopologyIR } from '../ir/topology-ir.js';
import type { LinkEnd, PlannedLink, PlannedPod } from './lab-plan-types.js';
import { deviceNetns } from './lab-names.js';
import { hostSubinterfaceName, hostTrunk } from '../emit/iproute2/host-trunk.js';
import { subinterfaceName } from '../emit/iproute2/leaf-subnet-devices.js';

export interface WiringOptions {
  /**
   * Without 802.1Q, each VLAN of a leaf–host trunk (one per subnet with a VM on the host, as hosts/<host>/setup.sh
   * trunks them) becomes its own veth pair (`swpN.<vlan>` ↔ `eth0.<vlan>`).
   */
  readonly vlanStandIns: boolean;
}

export function planWiring(lab: string, ir: TopologyIR, pods: readonly PlannedPod[], options: WiringOptions): PlannedLink[] {
  const fabric = ir.fabric;
  if (!fabric) return [];
  const end = (device: string, ifname: string): LinkEnd => ({ netns: deviceNetns(lab, device), ifname });
  const links: PlannedLink[] = fabric.links.map((l) => ({ a: end(l.a.switch, l.a.interface), b: end(l.b.switch, l.b.interface), kind: 'fabric' }));
  for (const host of fabric.hosts) {
    links.push({ a: end(host.leaf, host.leafInterface), b: end(host.name, host.uplink), kind: 'host-uplink' });
    if (!options.vlanStandIns) continue;
    for (const { vlan } of hostTrunk(fabric, ir.overlay, host).subnets) {
      links.push({ a: end(host.leaf, subinterfaceName(host, vlan)), b: end(host.name, hostSubinterfaceName(host, vlan)), kind: 'vlan-stand-in' });
    }
  }
  for (const p of pods) links.push({ a: { netns: p.nodeNetns, ifname: p.nodeVeth }, b: { netns: p.netns, ifname: 'eth0' }, kind: 'pod' });
  return links;
}

/** The lowest `swpN` a switch does not use for the fabric or for hosts: where the lab plugs the outside in. */
export function freePort(sw: SwitchIR): string {
  return freePorts(sw, 1)[0] as string;
}

/** The `count` lowest such ports, lowest first. */
export function freePorts(sw: SwitchIR, count: number): string[] {
  const used = new Set([...sw.interfaces.map((i) => i.port), ...sw.hostPorts.map((p) => p.port)]);
  const ports: string[] = [];
  for (let port = 1; ports.length < count; port++) if (!used.has(port)) ports.push(`swp${port}`);
  return ports;
}

export function borderLeaves(fabric: FabricIR): SwitchIR[] {
  return fabric.switches.filter((s) => s.role === 'border');
}
