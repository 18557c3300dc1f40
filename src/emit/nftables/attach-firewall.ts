// Decides where a firewall hooks in on one device: the table family, and the base-chain rules that send it the packets of its placement.
import { vmsOnHost } from '../../ir/vm-index.js';
import type { FirewallIR } from '../../ir/firewall-ir.js';
import type { SwitchIR } from '../../ir/fabric-ir.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import { naturalCompare } from '../../ir/natural-order.js';
import { BRIDGE_IP_ONLY, type Dispatch, type NftFamily, type NftHook } from './base-chains.js';
import type { EnforcingDevice } from './device-filters.js';
import { nftSet, nftString } from './nft-text.js';

export interface FirewallAttachment {
  /** The table the firewall's chain lives in. */
  readonly family: NftFamily;
  /** Empty when the device has no port of that placement (a leaf without hosts, a host without VMs). */
  readonly dispatches: readonly Dispatch[];
}

/** Firewall chains are `fw_<name>`: a DNS label may start with a digit or be an nft keyword, and nft 1.0.6 cannot quote chain names. */
export function firewallChainName(firewall: string): string {
  return `fw_${firewall}`;
}

export function attachFirewall(ir: TopologyIR, firewall: FirewallIR, device: EnforcingDevice): FirewallAttachment {
  const chain = firewallChainName(firewall.name);
  const jump = (family: NftFamily, hook: NftHook, match: string, why: string): Dispatch => ({
    family,
    hook,
    rule: `${match === '' ? '' : `${match} `}jump ${chain} comment ${nftString(`${firewall.name}: ${why}`)}`,
  });
  switch (device.kind) {
    case 'vm': {
      // Prerouting and postrouting, not input and output: forwarded pod traffic crosses the VPC interface too.
      const port = nftString(device.vm.interface);
      return {
        family: 'inet',
        dispatches: [jump('inet', 'prerouting', `iifname ${port}`, `in on ${device.vm.interface}`), jump('inet', 'postrouting', `oifname ${port}`, `out on ${device.vm.interface}`)],
      };
    }
    case 'host': {
      const ports = vmsOnHost(ir.overlay, device.name)
        .map((vm) => vm.hostPort)
        .sort(naturalCompare);
      return { family: 'bridge', dispatches: bridgePortDispatches(ports.map(nftString), jump, 'VM ports') };
    }
    case 'switch':
      return attachOnSwitch(ir, firewall, device.switch, jump);
  }
}

type Jump = (family: NftFamily, hook: NftHook, match: string, why: string) => Dispatch;

function attachOnSwitch(ir: TopologyIR, firewall: FirewallIR, sw: SwitchIR, jump: Jump): FirewallAttachment {
  switch (firewall.placement.kind) {
    case 'spines':
    case 'superSpines':
      return { family: 'inet', dispatches: [jump('inet', 'forward', '', 'every port')] };
    case 'leaf': {
      const ports = hostPortPatterns(sw);
      // With the VTEP on the leaf, host ports (or their VLAN subinterfaces) are bridge ports of the VNI
      // bridges: routed VM traffic reaches inet hooks from the bridge device, so only a bridge table sees
      // the port. With the VTEP on the host, they are routed ports.
      if (ir.fabric?.vtep !== 'host') return { family: 'bridge', dispatches: bridgePortDispatches(ports, jump, 'host ports') };
      if (ports.length === 0) return { family: 'inet', dispatches: [] };
      const set = nftSet(ports);
      return { family: 'inet', dispatches: [jump('inet', 'forward', `iifname ${set}`, 'from host ports'), jump('inet', 'forward', `oifname ${set}`, 'to host ports')] };
    }
    case 'border': {
      // The outside: front-panel ports that carry neither a fabric link nor a host (the uplinks the
      // topology does not model). Routed traffic of a port enslaved to a VRF enters with the VRF device
      // as iifname; the port itself is then `meta sdifname`.
      const inside = [...sw.interfaces.map((i) => nftString(i.name)), ...hostPortPatterns(sw)];
      const outside = (key: string) => `${key} "swp*"${inside.length > 0 ? ` ${key} != ${nftSet(inside)}` : ''}`;
      return {
        family: 'inet',
        dispatches: [
          jump('inet', 'forward', outside('iifname'), 'from the outside'),
          jump('inet', 'forward', outside('meta sdifname'), 'from the outside through a VRF'),
          jump('inet', 'forward', outside('oifname'), 'to the outside'),
        ],
      };
    }
    case 'host':
    case 'vm':
      throw new Error(`thrice: firewall ${firewall.name} (${firewall.placement.kind}) is enforced on switch ${sw.name}`);
  }
}

/** `"swp1", "swp1.*"` per host port: the port and its VLAN subinterfaces, by port number. */
function hostPortPatterns(sw: SwitchIR): string[] {
  return [...sw.hostPorts].sort((a, b) => a.port - b.port).flatMap((p) => [nftString(p.name), nftString(`${p.name}.*`)]);
}

/** Bridged ports: frames port to port (forward), up to the bridge (input) and down from it (output). */
function bridgePortDispatches(ports: readonly string[], jump: Jump, what: string): Dispatch[] {
  if (ports.length === 0) return [];
  const set = nftSet(ports);
  return [
    jump('bridge', 'forward', `${BRIDGE_IP_ONLY} iifname ${set}`, `from ${what}`),
    jump('bridge', 'forward', `${BRIDGE_IP_ONLY} oifname ${set}`, `to ${what}`),
    jump('bridge', 'input', `${BRIDGE_IP_ONLY} iifname ${set}`, `from ${what}`),
    jump('bridge', 'output', `${BRIDGE_IP_ONLY} oifname ${set}`, `to ${what}`),
  ];
}
