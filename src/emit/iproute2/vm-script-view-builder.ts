// Decides one VM's setup.sh (interface MTU, MAC, address, default route) as a shell-quoted view.
import type { VmIR } from '../../ir/overlay-ir.js';
import type { VmScriptView } from './vm-script-view.js';
import { shellComment, shellWord } from './shell-word.js';
import { ATTACHMENT_ROUTE_PROTOCOL, buildConvergeView } from './build-converge-view.js';
import { thriceLabel } from './thrice-label.js';

export function buildVmScriptView(vm: VmIR): VmScriptView {
  return {
    converge: buildConvergeView({
      owner: 'setup.sh',
      makesLinks: false,
      labelsAddresses: true,
      routeProtocol: ATTACHMENT_ROUTE_PROTOCOL,
      addresses: [{ device: vm.interface, address: `${vm.ip}/${vm.prefixLength}` }],
      routes: ['default'],
    }),
    title: shellComment(`${vm.name} (VPC ${vm.vpc}, subnet ${vm.subnet}, on host ${vm.host} under ${vm.leaf})`),
    addressComment: shellComment(`${vm.ip}/${vm.prefixLength} in ${vm.vpc}/${vm.subnet}; default route via the anycast gateway ${vm.gateway} on ${vm.leaf}`),
    device: shellWord(vm.interface),
    mtu: shellWord(vm.mtu),
    // Lower case, as the kernel prints it, so a reader can compare with `ip link` at a glance.
    mac: shellWord(vm.mac.toLowerCase()),
    address: shellWord(`${vm.ip}/${vm.prefixLength}`),
    label: shellWord(thriceLabel(vm.interface)),
    gateway: shellWord(vm.gateway),
  };
}
