// Where the kernel has no bridge conntrack: a VM's security-group chains, exactly as emitted, loaded in the VM on its interface.
import type { TopologyIR } from '../ir/topology-ir.js';
import { renderTemplate } from '../emit/render-template.js';
import { buildSecurityGroupChains, groupsOf, securityGroupChainName } from '../emit/nftables/security-group-chains.js';
import { nftString } from '../emit/nftables/nft-text.js';
import type { NftRulesetView } from '../emit/nftables/ruleset-view.js';
import { LabError } from './lab-error.js';

/** A table name of its own, so that a `vm:<name>` firewall's `inet thrice` table in the same VM is left alone. */
export const STAND_IN_TABLE = 'inet thrice_lab_sg';

/**
 * The hypervisor's bridge-family table needs `ct` in the bridge family (CONFIG_NF_CONNTRACK_BRIDGE). Without it the
 * lab loads the same chains (built by the nftables emitter's own code) into an inet table in the VM's namespace,
 * hooked on the VM's end of its port: prerouting before NAT sees what the port hands the VM, postrouting after
 * NAT what the VM hands the port, and the VM's conntrack keeps the groups stateful. Each VM has a conntrack
 * table of its own, as each port would, so a flow routed between two subnets of one hypervisor is not seen twice.
 * Port security (`ps_<vm>`) is not carried here: it is stateless, so it loads where it is emitted, in the hypervisor's
 * bridge table on the VM's port (lab-filters.ts), and a copy in the VM would judge the VM's frames twice.
 */
export function securityGroupStandIn(ir: TopologyIR, vmName: string): string {
  const vm = ir.overlay.vms.find((v) => v.name === vmName);
  if (!vm) throw new LabError(`no VM ${vmName}`);
  const groups = groupsOf(ir, vm);
  const port = nftString(vm.interface);
  const view: NftRulesetView = {
    title: `${vm.name}: lab stand-in for its security groups at ${vm.host} ${vm.hostPort}`,
    enforces: [
      `Security groups of VM ${vm.name} (${groups.map((g) => g.name).join(', ')}): the chains of nftables/${vm.host}.nft, unchanged,`,
      `  hooked on ${vm.interface} in the VM because this kernel has no conntrack in the bridge family.`,
    ],
    resetTables: [STAND_IN_TABLE],
    tables: [
      {
        table: STAND_IN_TABLE,
        maps: [],
        comment: `The VM's side of ${vm.hostPort}: what enters from the port (ingress) and what leaves into it (egress).`,
        chains: [
          {
            name: 'lab_to_vm',
            comment: 'Hook prerouting, after conntrack and before destination NAT: what the port delivers.',
            hook: 'type filter hook prerouting priority -150; policy accept;',
            lines: [{ note: null, rule: `iifname ${port} jump ${securityGroupChainName(vm.name, 'ingress')}` }],
          },
          {
            name: 'lab_from_vm',
            comment: 'Hook postrouting, after masquerade: what the port receives.',
            hook: 'type filter hook postrouting priority 110; policy accept;',
            lines: [{ note: null, rule: `oifname ${port} jump ${securityGroupChainName(vm.name, 'egress')}` }],
          },
          ...buildSecurityGroupChains(vm, groups),
        ],
      },
    ],
  };
  return renderTemplate('nftables', 'ruleset.nft', view);
}
