// Output target `libvirt`: vms/<vm>/libvirt-interface.xml, the VM's `<interface>` element with the port name thrice chose.
import type { Emitter, OutputFile } from '../emitter.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import { byName } from '../../ir/natural-order.js';
import { renderTemplate } from '../render-template.js';
import { buildLibvirtInterfaceView } from './build-libvirt-interface-view.js';

export const libvirtInterfaceEmitter: Emitter = {
  target: 'libvirt',
  summary: "vms/<vm>/libvirt-interface.xml: the VM's bridge port for its libvirt domain (MAC, subnet bridge, tap name, MTU)",
  emit(ir: TopologyIR): OutputFile[] {
    return [...ir.overlay.vms].sort(byName).map((vm) => ({
      path: `vms/${vm.name}/libvirt-interface.xml`,
      contents: renderTemplate('libvirt', 'interface.xml', buildLibvirtInterfaceView(ir.overlay, vm)),
    }));
  },
};
