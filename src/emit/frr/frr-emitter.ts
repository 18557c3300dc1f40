// Output target `frr`: one FRR 8.4 frr.conf per fabric switch (eBGP underlay of loopbacks, EVPN on the same sessions, tenant VRFs on VTEPs).
import type { Emitter, EmitSecrets, OutputFile } from '../emitter.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import { byName } from '../../ir/natural-order.js';
import { renderTemplate } from '../render-template.js';
import { buildFrrConfigView } from './build-frr-config-view.js';

export const frrEmitter: Emitter = {
  target: 'frr',
  summary: 'fabric/<switch>/frr.conf: FRR 8.4 eBGP underlay carrying loopbacks only, EVPN on the same sessions, tenant VRFs (L3 VNI, type-5 routes) on VTEPs',
  emit(ir: TopologyIR, secrets: EmitSecrets = {}): OutputFile[] {
    const fabric = ir.fabric;
    if (!fabric) return [];
    // With `fabric.bgp.password` each frr.conf holds the password in clear (FRR has no other way to read it).
    const secret = fabric.bgp?.password !== undefined;
    return [...fabric.switches].sort(byName).map((sw) => ({
      path: `fabric/${sw.name}/frr.conf`,
      contents: renderTemplate('frr', 'frr.conf', buildFrrConfigView(fabric, sw, ir.overlay, secrets.bgpPassword)),
      ...(secret ? { secret } : {}),
    }));
  },
};
