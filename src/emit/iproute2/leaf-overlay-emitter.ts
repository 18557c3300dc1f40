// Output target `iproute2-overlay`: per VTEP leaf, overlay.sh (tenant VRFs as VRF devices) and overlay-netns.sh (as namespaces).
import type { Emitter, OutputFile } from '../emitter.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import { byName } from '../../ir/natural-order.js';
import { renderTemplate } from '../render-template.js';
import { isVtepSwitch } from '../frr/is-vtep-switch.js';
import { buildLeafOverlayView } from './leaf-overlay-view-builder.js';

/** The templates live with the other iproute2 scripts (`templates/iproute2/leaf-overlay*.hbs`). */
const TEMPLATES = 'iproute2';

export const leafOverlayEmitter: Emitter = {
  target: 'iproute2-overlay',
  summary:
    'fabric/<leaf>/overlay.sh and overlay-netns.sh: tenant VRFs (VRF devices, or network namespaces), L3 and L2 VNIs, anycast gateways, host VLANs',
  emit(ir: TopologyIR): OutputFile[] {
    const fabric = ir.fabric;
    if (!fabric) return [];
    // Every leaf that can terminate VPCs gets the scripts, even when it serves none yet: run on a leaf that an
    // earlier revision gave tenants, the empty ones remove them.
    const leaves = [...fabric.switches].sort(byName).filter((sw) => isVtepSwitch(fabric, sw));
    return leaves.flatMap((sw) => {
      const view = buildLeafOverlayView(fabric, ir.overlay, sw);
      return [
        { path: `fabric/${sw.name}/overlay.sh`, contents: renderTemplate(TEMPLATES, 'leaf-overlay.sh', view), executable: true },
        { path: `fabric/${sw.name}/overlay-netns.sh`, contents: renderTemplate(TEMPLATES, 'leaf-overlay-netns.sh', view), executable: true },
      ];
    });
  },
};
