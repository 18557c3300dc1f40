// Output target `wiring`: the fabric's cabling plan, fabric/wiring.csv for tools and fabric/wiring.md for people.
import type { Emitter, OutputFile } from '../emitter.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import { renderTemplate } from '../render-template.js';
import { buildWiringView } from './build-wiring-view.js';

export const wiringEmitter: Emitter = {
  target: 'wiring',
  summary: 'fabric/wiring.csv and fabric/wiring.md: one row per cable (fabric links: switch, port, peer, peer port, /31; then leaf-to-hypervisor cables)',
  emit(ir: TopologyIR): OutputFile[] {
    if (!ir.fabric) return [];
    const view = buildWiringView(ir.fabric);
    return [
      { path: 'fabric/wiring.csv', contents: renderTemplate('wiring', 'wiring.csv', view) },
      { path: 'fabric/wiring.md', contents: renderTemplate('wiring', 'wiring.md', view) },
    ];
  },
};
