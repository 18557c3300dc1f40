// Rule: the VMs of one subnet (one L2 segment stretched over VXLAN) share one MTU.
import type { VmIR } from '../../ir/overlay-ir.js';
import type { AnalysisRule } from '../analysis-rule.js';
import { listSome } from '../finding-text.js';

export const mtuMismatch: AnalysisRule = {
  code: 'mtu-mismatch',
  severity: 'warning',
  summary: 'VMs of the same subnet have different MTUs.',
  docs:
    'A subnet is one Ethernet segment, stretched across leaves by its L2 VNI; inside it frames are bridged, never ' +
    'routed, so no hop sends "fragmentation needed". Validation checks that each MTU fits the layers below it (the ' +
    'VPC VXLAN budget, and the pod overlay inside the smallest node MTU), but not that neighbours agree: a VM with a ' +
    'pinned MTU below its neighbours\' silently drops every frame larger than its own, so UDP, ICMP and tunnelled ' +
    'traffic of that size vanish (TCP survives only because both ends announce their MSS). A flannel overlay between ' +
    'nodes of different MTUs is sized by the smallest, so the larger nodes\' headroom is unused. Fix: give every VM of ' +
    'a subnet the same `mtu`, or none (the default is the fabric MTU minus one VXLAN header).',
  check(ctx) {
    const bySubnet = new Map<string, VmIR[]>();
    for (const vm of ctx.ir.overlay.vms) {
      const key = `${vm.vpc}/${vm.subnet}`;
      const list = bySubnet.get(key);
      if (list) list.push(vm);
      else bySubnet.set(key, [vm]);
    }
    for (const [subnet, vms] of bySubnet) {
      const largest = vms.reduce((max, vm) => Math.max(max, vm.mtu), 0);
      const bigger = vms.filter((vm) => vm.mtu === largest).map((vm) => vm.name);
      // Only a pinned MTU can be below the default, so the smaller VMs always have an `mtu` to point at.
      for (const vm of vms) {
        if (vm.mtu >= largest) continue;
        ctx.report([...vm.origin, 'mtu'], `VM ${vm.name} has MTU ${vm.mtu}, but shares subnet ${subnet} (one L2 segment) with ${listSome(bigger)} at MTU ${largest}: their frames above ${vm.mtu} bytes are dropped without an error`, {
          hint: `give every VM of ${subnet} the same MTU`,
        });
      }
    }
  },
};
