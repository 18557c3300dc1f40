// Output target `iproute2` (fabric switches): fabric/<switch>/interfaces.sh, a POSIX sh script that sets up ports and loopback.
import type { Emitter, OutputFile } from '../emitter.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import { byName } from '../../ir/natural-order.js';
import { renderTemplate } from '../render-template.js';
import { buildSwitchScriptView } from './build-switch-script-view.js';

export const switchScriptEmitter: Emitter = {
  target: 'iproute2',
  summary: 'fabric/<switch>/interfaces.sh: loopback, fabric-port MTUs and /31s, host ports, with iproute2',
  emit(ir: TopologyIR): OutputFile[] {
    const fabric = ir.fabric;
    if (!fabric) return [];
    return [...fabric.switches].sort(byName).map((sw) => ({
      path: `fabric/${sw.name}/interfaces.sh`,
      contents: renderTemplate('iproute2', 'switch-interfaces.sh', buildSwitchScriptView(fabric, sw)),
      executable: true,
    }));
  },
};
