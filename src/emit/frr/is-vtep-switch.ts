// Which fabric switches are VXLAN tunnel endpoints (and so originate EVPN routes); shared by the switch emitters.
import type { FabricIR, SwitchIR, SwitchRole } from '../../ir/fabric-ir.js';

/** Leaves and border leaves can terminate VPC tunnels; spines and super-spines only carry them. */
const TERMINATES_TUNNELS: Readonly<Record<SwitchRole, boolean>> = {
  'super-spine': false,
  spine: false,
  leaf: true,
  border: true,
};

/** With `vtep: host` the hypervisors are the VTEPs and no switch is. */
export function isVtepSwitch(fabric: FabricIR, sw: SwitchIR): boolean {
  return fabric.vtep === 'leaf' && TERMINATES_TUNNELS[sw.role];
}
