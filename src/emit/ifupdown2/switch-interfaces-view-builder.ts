// Decides one fabric switch's ifupdown2 interfaces file (loopback, ports, tenant overlays) and its sysctl.conf, as sorted views.
import { VXLAN_OVERHEAD } from '../../ir/encapsulation.js';
import type { FabricIR, FabricInterfaceIR, HostPortIR, SwitchIR } from '../../ir/fabric-ir.js';
import type { OverlayIR } from '../../ir/overlay-ir.js';
import { isVtepSwitch } from '../frr/is-vtep-switch.js';
import { vpcsServedBy } from '../frr/served-vpcs.js';
import { shellComment } from '../iproute2/shell-word.js';
import { ROUTER_SYSCTLS, hostAddress, numberedAddress } from '../iproute2/switch-settings.js';
import type { InterfaceStanzaView } from './interface-stanza-view.js';
import { attribute, postUp } from './stanza-attribute.js';
import type { SwitchInterfacesView, SwitchSysctlView } from './switch-interfaces-view.js';
import { buildTenantStanzas } from './tenant-stanzas-builder.js';

/**
 * On every routed port besides the global setting: a policy file (`/etc/network/ifupdown2/policy.d`) may give
 * ifupdown2 a default `ip-forward off`, which it would write to each port it manages.
 */
const FORWARDING = attribute('ip-forward', 'on');

export function buildSwitchInterfacesView(fabric: FabricIR, overlay: OverlayIR, sw: SwitchIR): SwitchInterfacesView {
  const tenants = vpcsServedBy(fabric, overlay, sw);
  const mtu = fabric.mtu - VXLAN_OVERHEAD;
  return {
    title: shellComment(`${sw.name} (${sw.role})`),
    loopbackPurpose: isVtepSwitch(fabric, sw) ? 'BGP router-id and VXLAN tunnel endpoint' : 'BGP router-id',
    loopback: { comment: null, name: 'lo', method: ' inet loopback', attributes: [attribute('address', `${sw.loopback}/32`)] },
    fabricPorts: [...sw.interfaces].sort((a, b) => a.port - b.port).map((iface) => fabricPortStanza(fabric, sw, iface)),
    hostPorts: [...sw.hostPorts].sort((a, b) => a.port - b.port).map((port) => hostPortStanza(fabric, sw, port)),
    overlayMtuReason: tenants.length > 0 ? shellComment(`${mtu} = fabric MTU ${fabric.mtu} - ${VXLAN_OVERHEAD} bytes of VXLAN`) : null,
    tenants: tenants.map((vpc) => buildTenantStanzas(fabric, overlay, sw, vpc)),
  };
}

/**
 * interfaces.sh's global settings: they are no interface's, so they go to /etc/sysctl.d, which systemd-sysctl applies
 * at boot before networking. (ifupdown2's `ip-forward` is per device, see above.)
 */
export function buildSwitchSysctlView(sw: SwitchIR): SwitchSysctlView {
  return { title: shellComment(`${sw.name} (${sw.role})`), settings: ROUTER_SYSCTLS };
}

function fabricPortStanza(fabric: FabricIR, sw: SwitchIR, iface: FabricInterfaceIR): InterfaceStanzaView {
  const address = fabric.linkMode === 'numbered' ? [attribute('address', numberedAddress(sw, iface))] : [];
  return {
    comment: shellComment(`${iface.name} to ${iface.peer} ${iface.peerInterface}`),
    name: iface.name,
    method: '',
    attributes: [attribute('mtu', iface.mtu), ...address, FORWARDING],
  };
}

/** Untagged: the hypervisor's underlay /32, routed to the port; tagged: the VLANs of the tenant stanzas. */
function hostPortStanza(fabric: FabricIR, sw: SwitchIR, port: HostPortIR): InterfaceStanzaView {
  return {
    comment: shellComment(`${port.name} to host ${port.host}`),
    name: port.name,
    method: '',
    attributes: [
      attribute('mtu', fabric.mtu),
      FORWARDING,
      postUp(
        `the hypervisor's /32 on this port, from the loopback: ifupdown2 has no route attribute (its gateway is a default route); the kernel drops the route when the port goes down`,
        ['ip route replace', { data: `${hostAddress(fabric, port.host)}/32` }, 'dev', { data: port.name }, 'src', { data: sw.loopback }],
      ),
    ],
  };
}
