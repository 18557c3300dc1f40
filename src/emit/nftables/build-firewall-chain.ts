// Translates one firewall into its own nft chain: optional state rules, its rules in order (first match wins), then its default.
import type { FirewallIR } from '../../ir/firewall-ir.js';
import { describeProtoPorts, renderRuleMatch } from './nft-match.js';
import { nftComment, nftString } from './nft-text.js';
import type { NftChainView, NftLineView } from './ruleset-view.js';
import { PLACEMENTS } from './placement-table.js';
import { firewallChainName } from './attach-firewall.js';
import { statefulLines, VERDICT } from './verdicts.js';

/** `spines`, `leaf:leaf1`: the placement as written in the spec. */
export function placementText(firewall: FirewallIR): string {
  const { kind, target } = firewall.placement;
  return target === undefined ? kind : `${kind}:${target}`;
}

export function buildFirewallChain(firewall: FirewallIR): NftChainView {
  const row = PLACEMENTS[firewall.placement.kind];
  const rules: NftLineView[] = firewall.rules.map((rule, i) => {
    const n = i + 1;
    const what = `rule ${n}: ${rule.action} ${rule.from.ref} -> ${rule.to.ref} ${describeProtoPorts(rule.proto, rule.ports)}`;
    const match = renderRuleMatch(rule);
    if ('never' in match) return { note: nftComment(`${what} (never matches: ${match.never})`), rule: null };
    return { note: nftComment(what), rule: `${match.text} counter ${VERDICT[rule.action]} comment ${nftString(`${firewall.name} rule ${n}`)}` };
  });
  return {
    name: firewallChainName(firewall.name),
    comment: nftComment(`Firewall ${firewall.name} (at: ${placementText(firewall)}), ${row.stateful ? 'stateful' : 'stateless'}, first match wins.`),
    hook: null,
    lines: [
      ...(row.stateful ? statefulLines(firewall.name) : []),
      ...rules,
      { note: nftComment(`default: ${firewall.defaultAction}`), rule: `counter ${VERDICT[firewall.defaultAction]} comment ${nftString(`${firewall.name} default`)}` },
    ],
  };
}
