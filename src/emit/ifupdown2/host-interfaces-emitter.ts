// Output target `ifupdown2` (hypervisors): hosts/<host>/interfaces, the persistent form of setup.sh without the VM ports.
import type { Emitter, OutputFile } from '../emitter.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import { byName } from '../../ir/natural-order.js';
import { renderTemplate } from '../render-template.js';
import { buildHostInterfacesView } from './host-interfaces-view-builder.js';

export const hostInterfacesEmitter: Emitter = {
  target: 'ifupdown2',
  summary: 'hosts/<host>/interfaces: the uplink trunk, underlay address and route, a VLAN subinterface and bridge per subnet, as an ifupdown2 interfaces file',
  emit(ir: TopologyIR): OutputFile[] {
    const fabric = ir.fabric;
    if (!fabric) return [];
    return [...fabric.hosts].sort(byName).map((host) => ({
      path: `hosts/${host.name}/interfaces`,
      contents: renderTemplate('ifupdown2', 'host-interfaces', buildHostInterfacesView(fabric, ir.overlay, host)),
    }));
  },
};
