// Decides one switch's interfaces.sh (addresses, MTUs, host ports) and returns it as a sorted, shell-quoted view.
import type { FabricIR, SwitchIR } from '../../ir/fabric-ir.js';
import type { SwitchScriptView } from './switch-script-view.js';
import { isVtepSwitch } from '../frr/is-vtep-switch.js';
import { shellComment, shellWord } from './shell-word.js';
import { ATTACHMENT_ROUTE_PROTOCOL, buildConvergeView } from './build-converge-view.js';
import { thriceLabel } from './thrice-label.js';
import { ROUTER_SYSCTLS, hostAddress, numberedAddress } from './switch-settings.js';

export function buildSwitchScriptView(fabric: FabricIR, sw: SwitchIR): SwitchScriptView {
  const numbered = fabric.linkMode === 'numbered';
  const hostRoutes = sw.hostPorts.map((port) => `${hostAddress(fabric, port.host)}/32`);
  return {
    converge: buildConvergeView({
      owner: 'interfaces.sh',
      makesLinks: false,
      labelsAddresses: true,
      routeProtocol: ATTACHMENT_ROUTE_PROTOCOL,
      addresses: [
        { device: 'lo', address: `${sw.loopback}/32` },
        ...(numbered ? sw.interfaces.map((iface) => ({ device: iface.name, address: numberedAddress(sw, iface) })) : []),
      ],
      routes: hostRoutes,
    }),
    routeProtocol: shellWord(ATTACHMENT_ROUTE_PROTOCOL),
    loopbackLabel: shellWord(thriceLabel('lo')),
    title: shellComment(`${sw.name} (${sw.role})`),
    loopbackPurpose: isVtepSwitch(fabric, sw) ? 'BGP router-id and VXLAN tunnel endpoint' : 'BGP router-id',
    loopback: shellWord(`${sw.loopback}/32`),
    sysctls: ROUTER_SYSCTLS.map((s) => shellWord(`${s.key}=${s.value}`)),
    fabricPorts: [...sw.interfaces]
      .sort((a, b) => a.port - b.port)
      .map((iface) => ({
        comment: shellComment(`${iface.name} to ${iface.peer} ${iface.peerInterface}`),
        device: shellWord(iface.name),
        mtu: shellWord(iface.mtu),
        address: numbered ? shellWord(numberedAddress(sw, iface)) : null,
        label: shellWord(thriceLabel(iface.name)),
      })),
    hostPorts: [...sw.hostPorts]
      .sort((a, b) => a.port - b.port)
      .map((port) => ({
        comment: shellComment(`${port.name} to host ${port.host}`),
        device: shellWord(port.name),
        mtu: shellWord(fabric.mtu),
        hostAddress: shellWord(`${hostAddress(fabric, port.host)}/32`),
        source: shellWord(sw.loopback),
      })),
  };
}
