// Read-only IR of the firewalls: where each sits (and so which header it sees) and its ordered rules.
import type { DataPath } from '../source/data-path.js';
import type { AddressIR, PortRange, Proto } from './address-ir.js';
import type { FirewallState } from './firewall-state.js';

export type PlacementKind = 'spines' | 'superSpines' | 'border' | 'leaf' | 'host' | 'vm';

export interface FirewallIR {
  readonly name: string;
  readonly placement: { readonly kind: PlacementKind; readonly target?: string };
  /** Switches, hosts or VMs that enforce it, sorted. */
  readonly enforcedOn: readonly string[];
  readonly defaultAction: 'allow' | 'deny';
  /** How its ruleset treats replies (see firewall-state.ts): the analysis credits exactly this. */
  readonly state: FirewallState;
  /** First match wins. */
  readonly rules: readonly FirewallRuleIR[];
  readonly origin: DataPath;
}

export interface FirewallRuleIR {
  readonly action: 'allow' | 'deny';
  readonly from: AddressIR;
  readonly to: AddressIR;
  readonly proto: Proto;
  /** Empty means every port. */
  readonly ports: readonly PortRange[];
  readonly origin: DataPath;
}
