// Output target `nftables`: nftables/<device>.nft, one ruleset per switch, host or VM that enforces a firewall, port security or security groups.
import type { Emitter, OutputFile } from '../emitter.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import { renderTemplate } from '../render-template.js';
import { collectDeviceFilters } from './device-filters.js';
import { buildRulesetView } from './build-ruleset-view.js';

export const nftablesEmitter: Emitter = {
  target: 'nftables',
  summary: 'nftables/<device>.nft: each firewall on the switches, hosts and VMs that enforce it, and every VM\'s port security and security groups on its hypervisor',
  emit(ir: TopologyIR): OutputFile[] {
    return collectDeviceFilters(ir).map((filters) => ({
      path: `nftables/${filters.device.name}.nft`,
      contents: renderTemplate('nftables', 'ruleset.nft', buildRulesetView(ir, filters)),
      // `nft -f` is the interpreter on the first line, so the file runs as a script.
      executable: true,
    }));
  },
};
