// Output target `iproute2` (hypervisors): hosts/<host>/setup.sh, a POSIX sh script that trunks the VPC subnets to the VMs.
import type { Emitter, OutputFile } from '../emitter.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import { byName } from '../../ir/natural-order.js';
import { renderTemplate } from '../render-template.js';
import { buildHostScriptView } from './host-script-view-builder.js';

export const hostScriptEmitter: Emitter = {
  target: 'iproute2',
  summary: 'hosts/<host>/setup.sh: uplink trunk MTU, a VLAN subinterface and bridge per subnet, VM ports, with iproute2',
  emit(ir: TopologyIR): OutputFile[] {
    const fabric = ir.fabric;
    if (!fabric) return [];
    return [...fabric.hosts].sort(byName).map((host) => ({
      path: `hosts/${host.name}/setup.sh`,
      contents: renderTemplate('iproute2', 'host-setup.sh', buildHostScriptView(fabric, ir.overlay, host)),
      executable: true,
    }));
  },
};
