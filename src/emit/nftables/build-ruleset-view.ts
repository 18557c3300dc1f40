// Decides one device's whole nftables file: its tables, base chains and filter chains, as a ready-to-print view.
import type { TopologyIR } from '../../ir/topology-ir.js';
import { BASE_CHAINS, baseChainName, type Dispatch, HOOK_ORDER, type NftFamily } from './base-chains.js';
import type { DeviceFilters, EnforcingDevice } from './device-filters.js';
import { attachFirewall } from './attach-firewall.js';
import { buildFirewallChains, placementText } from './build-firewall-chain.js';
import { buildSecurityGroupChains, groupsOf, securityGroupDispatches } from './security-group-chains.js';
import { nftComment } from './nft-text.js';
import { PLACEMENTS, stateText } from './placement-table.js';
import type { NftChainView, NftRulesetView, NftTableView } from './ruleset-view.js';
import { vpcScopeOf } from './vpc-context.js';
import { buildPortSecurityChain, portSecurityDispatches, vmSourceAddresses } from './port-security-chains.js';
import { conntrackZones } from './conntrack-zones.js';

/** Every table thrice may own on a device: all are deleted first, so a table no longer needed goes too. */
const FAMILIES: readonly NftFamily[] = ['inet', 'bridge'];
const TABLE = 'thrice';

const TABLE_COMMENTS: Readonly<Record<NftFamily, string>> = {
  inet: 'IPv4 and IPv6 at the IP hooks: routed traffic, and traffic to and from this device.',
  bridge: 'Bridged frames, where a port of a Linux bridge is what is filtered (IP hooks only see the bridge).',
};

export function buildRulesetView(ir: TopologyIR, filters: DeviceFilters): NftRulesetView {
  const chains = new Map<NftFamily, NftChainView[]>(FAMILIES.map((f) => [f, []]));
  const dispatches: Dispatch[] = [];
  const enforces: string[] = [];
  for (const firewall of filters.firewalls) {
    const row = PLACEMENTS[firewall.placement.kind];
    const attachment = attachFirewall(ir, firewall, filters.device);
    chains.get(attachment.family)?.push(...buildFirewallChains(firewall, vpcScopeOf(ir, filters.device, firewall.placement.kind)));
    dispatches.push(...attachment.dispatches);
    const unused = attachment.dispatches.length === 0 ? ' No port of this device is in its placement, so nothing reaches it.' : '';
    enforces.push(`Firewall ${firewall.name} (at: ${placementText(firewall)}, default ${firewall.defaultAction}): ${stateText(firewall.placement.kind, firewall.state)}.`);
    enforces.push(`  It sees ${row.sees}.${unused}`);
  }
  for (const vm of filters.portVms) {
    const sources = vmSourceAddresses(ir, vm);
    chains.get('bridge')?.push(buildPortSecurityChain(vm, sources));
    enforces.push(`Port security of VM ${vm.name} at its port ${vm.hostPort}: only its MAC and addresses (${sources.join(', ')}), stateless.`);
  }
  dispatches.push(...portSecurityDispatches(filters.portVms));
  for (const vm of filters.guardedVms) {
    const groups = groupsOf(ir, vm);
    chains.get('bridge')?.push(...buildSecurityGroupChains(vm, groups));
    enforces.push(`Security groups of VM ${vm.name} (${groups.map((g) => g.name).join(', ')}) at its port ${vm.hostPort}: stateful, allow-only.`);
  }
  dispatches.push(...securityGroupDispatches(filters.guardedVms));
  const zones = conntrackZones(ir, filters);
  return {
    title: nftComment(titleOf(filters.device)),
    enforces: [...enforces, ...(zones?.notes ?? [])].map(nftComment),
    resetTables: FAMILIES.map((f) => `${f} ${TABLE}`),
    tables: FAMILIES.flatMap((family): NftTableView[] => {
      const own = chains.get(family) ?? [];
      if (own.length === 0) return [];
      const zoned = zones?.family === family ? zones : undefined;
      return [{ table: `${family} ${TABLE}`, comment: TABLE_COMMENTS[family], maps: zoned?.maps ?? [], chains: [...(zoned ? [zoned.chain] : []), ...baseChains(family, dispatches), ...own] }];
    }),
  };
}

/** The family's base chains that have something to dispatch, in hook order, rules in filter order. */
function baseChains(family: NftFamily, dispatches: readonly Dispatch[]): NftChainView[] {
  return HOOK_ORDER.flatMap((hook): NftChainView[] => {
    const row = BASE_CHAINS[family][hook];
    const rules = dispatches.filter((d) => d.family === family && d.hook === hook);
    if (rules.length === 0) return [];
    if (!row) throw new Error(`thrice: no ${family} base chain for hook ${hook}`);
    return [
      {
        name: baseChainName(hook),
        comment: nftComment(`Hook ${hook}: ${row.comment}.`),
        hook: `type filter hook ${hook} priority ${row.priority}; policy accept;`,
        lines: rules.map((d) => ({ note: null, rule: d.rule })),
      },
    ];
  });
}

function titleOf(device: EnforcingDevice): string {
  switch (device.kind) {
    case 'switch':
      return `${device.name} (${device.switch.role === 'border' ? 'border leaf' : device.switch.role} switch)`;
    case 'host':
      return `${device.name} (hypervisor under ${device.host.leaf})`;
    case 'vm':
      return `${device.name} (VM of VPC ${device.vm.vpc} on ${device.vm.host})`;
  }
}
