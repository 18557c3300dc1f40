// Decides one VM's setup.sh (interface MTU, MAC, address, default route) as a shell-quoted view.
import type { VmIR } from '../../ir/overlay-ir.js';
import type { VmScriptView } from './vm-script-view.js';
import { shellComment, shellWord } from './shell-word.js';

export function buildVmScriptView(vm: VmIR): VmScriptView {
  return {
    title: shellComment(`${vm.name} (VPC ${vm.vpc}, subnet ${vm.subnet}, on host ${vm.host} under ${vm.leaf})`),
    addressComment: shellComment(`${vm.ip}/${vm.prefixLength} in ${vm.vpc}/${vm.subnet}; default route via the anycast gateway ${vm.gateway} on ${vm.leaf}`),
    device: shellWord(vm.interface),
    mtu: shellWord(vm.mtu),
    // Lower case, as the kernel prints it, so a reader can compare with `ip link` at a glance.
    mac: shellWord(vm.mac.toLowerCase()),
    address: shellWord(`${vm.ip}/${vm.prefixLength}`),
    gateway: shellWord(vm.gateway),
  };
}
