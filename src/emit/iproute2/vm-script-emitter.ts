// Output target `iproute2` (VMs): vms/<vm>/setup.sh, a POSIX sh script run inside the VM to attach it to its VPC subnet.
import type { Emitter, OutputFile } from '../emitter.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import { byName } from '../../ir/natural-order.js';
import { renderTemplate } from '../render-template.js';
import { buildVmScriptView } from './vm-script-view-builder.js';

export const vmScriptEmitter: Emitter = {
  target: 'iproute2',
  summary: 'vms/<vm>/setup.sh: the VM interface MTU, MAC, address and default route, with iproute2',
  emit(ir: TopologyIR): OutputFile[] {
    return [...ir.overlay.vms].sort(byName).map((vm) => ({
      path: `vms/${vm.name}/setup.sh`,
      contents: renderTemplate('iproute2', 'vm-setup.sh', buildVmScriptView(vm)),
      executable: true,
    }));
  },
};
