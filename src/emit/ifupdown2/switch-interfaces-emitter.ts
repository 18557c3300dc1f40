// Output target `ifupdown2` (fabric switches): fabric/<switch>/interfaces and sysctl.conf, the persistent form of its scripts.
import type { Emitter, OutputFile } from '../emitter.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import { byName } from '../../ir/natural-order.js';
import { renderTemplate } from '../render-template.js';
import { buildSwitchInterfacesView, buildSwitchSysctlView } from './switch-interfaces-view-builder.js';

export const switchInterfacesEmitter: Emitter = {
  target: 'ifupdown2',
  summary:
    'fabric/<switch>/interfaces and sysctl.conf: what interfaces.sh and overlay.sh set up, as an ifupdown2 interfaces file (ifreload -a) and /etc/sysctl.d settings',
  emit(ir: TopologyIR): OutputFile[] {
    const fabric = ir.fabric;
    if (!fabric) return [];
    return [...fabric.switches].sort(byName).flatMap((sw) => [
      { path: `fabric/${sw.name}/interfaces`, contents: renderTemplate('ifupdown2', 'switch-interfaces', buildSwitchInterfacesView(fabric, ir.overlay, sw)) },
      { path: `fabric/${sw.name}/sysctl.conf`, contents: renderTemplate('ifupdown2', 'switch-sysctl.conf', buildSwitchSysctlView(sw)) },
    ]);
  },
};
