// Port security on a hypervisor: per VM a stateless chain at its port that lets in only frames with the VM's own MAC and addresses.
import type { TopologyIR } from '../../ir/topology-ir.js';
import type { VmIR } from '../../ir/overlay-ir.js';
import { naturalCompare } from '../../ir/natural-order.js';
import type { Dispatch } from './base-chains.js';
import { nftComment, nftSet, nftString } from './nft-text.js';
import type { NftChainView } from './ruleset-view.js';

/** `ps_<vm>`: `_` keeps it apart from firewall chains (`fw_…`), whose names are DNS labels. */
export function portSecurityChainName(vm: string): string {
  return `ps_${vm}`;
}

/**
 * The source addresses a VM may send from: its own, and for a Kubernetes node its pod subnet (pod traffic leaves
 * unencapsulated with host-gw, and pods answer clients outside the cluster from their own addresses), as an
 * OpenStack port's allowed address pairs would.
 */
export function vmSourceAddresses(ir: TopologyIR, vm: VmIR): string[] {
  const pods = ir.clusters.flatMap((c) => c.nodes.filter((n) => n.name === vm.name).map((n) => n.podSubnet));
  return [vm.ip, ...[...new Set(pods)].sort(naturalCompare)];
}

/**
 * What libvirt's `clean-traffic` filter and OpenStack port security do, without state (so it needs no bridge
 * conntrack): a frame from the VM passes only with the VM's MAC as source, as IPv4 from one of its addresses, or as
 * ARP for its own addresses and MAC; everything else drops: other sources, other ethertypes (IPv6 too: VPCs are IPv4
 * only), VLAN-tagged frames (their ethertype is 802.1Q), and DHCP (VM addresses are static, set by vms/<vm>/setup.sh).
 */
export function buildPortSecurityChain(vm: VmIR, sources: readonly string[]): NftChainView {
  const mac = vm.mac.toLowerCase();
  const said = (what: string) => `comment ${nftString(`${vm.name}: ${what}`)}`;
  return {
    name: portSecurityChainName(vm.name),
    comment: nftComment(`Port security of VM ${vm.name} at ${vm.hostPort}: only its MAC ${mac} and addresses ${sources.join(', ')}; stateless.`),
    hook: null,
    lines: [
      { note: 'another source MAC: a forged frame', rule: `ether saddr != ${mac} counter drop ${said('not its MAC')}` },
      {
        // Its pod subnet too: Linux may announce any local address (cni0's) as the sender of a request it makes.
        note: 'ARP (Ethernet, IPv4) only as itself: no claim on another address',
        rule: `ether type arp arp htype 1 arp ptype ip arp hlen 6 arp plen 4 arp saddr ether ${mac} arp saddr ip ${nftSet(sources)} counter return ${said('ARP as itself')}`,
      },
      { note: 'IPv4 from its own addresses', rule: `ether type ip ip saddr ${nftSet(sources)} counter return ${said('IPv4 from its addresses')}` },
      { note: 'nothing else: other addresses, other ARP, IPv6, VLAN tags, other ethertypes', rule: `counter drop ${said('forged address or ethertype')}` },
    ],
  };
}

/** Every frame a VM's port hands the bridge meets the VM's chain first, before forwarding or the host's own stack. */
export function portSecurityDispatches(vms: readonly VmIR[]): Dispatch[] {
  if (vms.length === 0) return [];
  const ports = [...vms].sort((a, b) => naturalCompare(a.hostPort, b.hostPort));
  const map = ports.map((vm) => `${nftString(vm.hostPort)} : jump ${portSecurityChainName(vm.name)}`).join(', ');
  return [{ family: 'bridge', hook: 'prerouting', rule: `iifname vmap { ${map} } comment ${nftString('port security: from the VMs')}` }];
}
