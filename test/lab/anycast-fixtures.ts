// Test helper: the anycast-gateway probe of examples/three-layer.yaml (a silent VM, a sender behind another leaf, one SYN), shared by the host and VM labs.
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import type { VmIR } from '../../src/ir/overlay-ir.js';

/**
 * A silent VM and a sender in another subnet of its VPC, under another leaf that also serves the silent VM's subnet:
 * that leaf routes the packet into the stretched subnet and must ARP for the silent VM across the fabric.
 */
export function silentAndSender(ir: TopologyIR): { silent: VmIR; sender: VmIR } {
  for (const silent of ir.overlay.vms) {
    const subnet = ir.overlay.vpcs.find((v) => v.name === silent.vpc)?.subnets.find((s) => s.name === silent.subnet);
    const sender = ir.overlay.vms.find(
      (vm) => vm.vpc === silent.vpc && vm.subnet !== silent.subnet && vm.leaf !== silent.leaf && (subnet?.leaves.includes(vm.leaf) ?? false),
    );
    if (sender) return { silent, sender };
  }
  throw new Error('the example has no subnet stretched over two leaves with a VM of another subnet behind the second');
}

/**
 * One TCP SYN to port 443 (security group k8s-nodes admits it from anywhere; nothing listens) with a timeout under
 * Linux's initial retransmission timeout (1 s), as a script for `node -e`: it prints `refused` when the silent VM's
 * reset came back, which proves the first packet got through, with no retransmission and no second ARP round.
 */
export function firstSynScript(address: string): string {
  return `const s = require('node:net').connect({ host: ${JSON.stringify(address)}, port: 443, timeout: 900 });
s.on('connect', () => { console.log('open'); s.destroy(); });
s.on('timeout', () => { console.log('timeout'); s.destroy(); });
s.on('error', (e) => console.log(e.code === 'ECONNREFUSED' ? 'refused' : e.code));`;
}
