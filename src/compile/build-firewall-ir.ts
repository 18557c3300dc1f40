// Builds the firewall IR: each firewall's placement, the devices that enforce it and its resolved, ordered rules.
import type { Spec } from '../spec/spec-types.js';
import type { FabricIR } from '../ir/fabric-ir.js';
import type { FirewallIR, PlacementKind } from '../ir/firewall-ir.js';
import { type AddressBook, resolveAddress } from './address-resolver.js';
import { parsePortRanges } from '../ir/port-ranges.js';
import { byName, naturalCompare } from '../ir/natural-order.js';
import { firewallState } from '../ir/firewall-state.js';

/** Firewalls without `default` allow what no rule matched: an ACL of deny rules is the common case. */
export const DEFAULT_FIREWALL_ACTION = 'allow';

export function buildFirewallIR(spec: Spec, fabric: FabricIR | undefined, book: AddressBook): FirewallIR[] {
  const switchesWith = (roles: readonly string[]): string[] =>
    (fabric?.switches ?? []).filter((s) => roles.includes(s.role)).map((s) => s.name);
  return (spec.firewalls ?? [])
    .map((fw, fi): FirewallIR => {
      const [head, target] = fw.at.includes(':') ? [fw.at.slice(0, fw.at.indexOf(':')), fw.at.slice(fw.at.indexOf(':') + 1)] : [fw.at, undefined];
      const kind = head as PlacementKind;
      const enforcedOn =
        kind === 'spines' ? switchesWith(['spine']) : kind === 'superSpines' ? switchesWith(['super-spine']) : kind === 'border' ? switchesWith(['border']) : target ? [target] : [];
      return {
        name: fw.name,
        placement: target === undefined ? { kind } : { kind, target },
        enforcedOn: enforcedOn.sort(naturalCompare),
        defaultAction: fw.default ?? DEFAULT_FIREWALL_ACTION,
        state: firewallState(kind, switchesWith(['border']).length),
        rules: (fw.rules ?? []).map((r, ri) => ({
          action: r.action,
          from: resolveAddress(r.from ?? 'any', book),
          to: resolveAddress(r.to ?? 'any', book),
          proto: r.proto ?? 'any',
          ports: parsePortRanges(r.ports),
          origin: ['firewalls', fi, 'rules', ri],
        })),
        origin: ['firewalls', fi],
      };
    })
    .sort(byName);
}
