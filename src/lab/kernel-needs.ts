// Which of the kernel features a topology's outputs use this kernel lacks: what the lab stands in for, and why `--kernel vm` exists.
import type { TopologyIR } from '../ir/topology-ir.js';
import type { KernelFeatures } from './kernel-features.js';

/** The optional features the outputs rely on, each with when a topology needs it. */
const NEEDS: readonly { readonly feature: keyof KernelFeatures; readonly what: string; readonly needed: (ir: TopologyIR) => boolean }[] = [
  { feature: 'vrf', what: 'VRF devices (tenant VRFs, VPC peering)', needed: (ir) => ir.overlay.vpcs.some((v) => v.leaves.length > 0) },
  { feature: 'vlan', what: '802.1Q (leaf–hypervisor trunks)', needed: (ir) => ir.overlay.vms.length > 0 },
  { feature: 'bridgeConntrack', what: 'bridge conntrack (security groups on the hypervisor bridge)', needed: (ir) => ir.overlay.vms.some((vm) => vm.securityGroups.length > 0) },
];

/** What the topology needs and this kernel lacks, as phrases; empty when the lab can run every output as emitted. */
export function kernelShortfall(ir: TopologyIR, features: KernelFeatures): string[] {
  return NEEDS.filter((n) => n.needed(ir) && !features[n.feature]).map((n) => n.what);
}

/** The line `up` prints about it. */
export function shortfallAdvice(missing: readonly string[]): string | undefined {
  if (missing.length === 0) return undefined;
  return (
    `this topology's outputs use ${missing.join(', ')}, which this kernel lacks: the lab stands in for ${missing.length === 1 ? 'it' : 'them'} ` +
    "(see the differences it prints) and cannot probe what needs them; `thrice lab up --kernel vm` runs the outputs unchanged on Debian's kernel in a VM"
  );
}
