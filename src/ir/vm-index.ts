// VMs grouped by hypervisor and by leaf, built once per overlay IR, so emitters never scan every VM per device.
import type { OverlayIR, VmIR } from './overlay-ir.js';

interface VmIndex {
  readonly byHost: ReadonlyMap<string, readonly VmIR[]>;
  readonly byLeaf: ReadonlyMap<string, readonly VmIR[]>;
}

const indexes = new WeakMap<OverlayIR, VmIndex>();

function indexOf(overlay: OverlayIR): VmIndex {
  let index = indexes.get(overlay);
  if (!index) {
    const byHost = new Map<string, VmIR[]>();
    const byLeaf = new Map<string, VmIR[]>();
    for (const vm of overlay.vms) {
      const onHost = byHost.get(vm.host);
      if (onHost) onHost.push(vm);
      else byHost.set(vm.host, [vm]);
      const onLeaf = byLeaf.get(vm.leaf);
      if (onLeaf) onLeaf.push(vm);
      else byLeaf.set(vm.leaf, [vm]);
    }
    indexes.set(overlay, (index = { byHost, byLeaf }));
  }
  return index;
}

/** The VMs on one hypervisor, in the IR's order (by name). */
export function vmsOnHost(overlay: OverlayIR, host: string): readonly VmIR[] {
  return indexOf(overlay).byHost.get(host) ?? [];
}

/** The VMs under one leaf, in the IR's order (by name). */
export function vmsUnderLeaf(overlay: OverlayIR, leaf: string): readonly VmIR[] {
  return indexOf(overlay).byLeaf.get(leaf) ?? [];
}
