// The ordered registry of analysis rules (the gap checks), layer by layer from the underlay up, then across layers.
import type { AnalysisRule } from '../analysis-rule.js';
import { bgpSessionUnauthenticated } from './bgp-session-unauthenticated.js';
import { bgpSessionNoMaxPrefix } from './bgp-session-no-max-prefix.js';
import { cidrOverlapAcrossLayers } from './cidr-overlap-across-layers.js';
import { evpnRouteTargetLeak } from './evpn-route-target-leak.js';
import { vniPortCollision } from './vni-port-collision.js';
import { mtuMismatch } from './mtu-mismatch.js';
import { securityGroupUnused } from './security-group-unused.js';
import { securityGroupOpenIngress } from './security-group-open-ingress.js';
import { firewallRuleDead } from './firewall-rule-dead.js';
import { firewallRuleShadowed } from './firewall-rule-shadowed.js';
import { namespaceWithoutDefaultDeny } from './namespace-without-default-deny.js';
import { dnsBlockedByEgressDeny } from './dns-blocked-by-egress-deny.js';
import { hostNetworkWorkload } from './host-network-workload.js';
import { hostPortWorkload } from './host-port-workload.js';
import { ipblockInPodCidr } from './ipblock-in-pod-cidr.js';
import { innerAddressAtEncapsulatedHop } from './inner-address-at-encapsulated-hop.js';
import { mixedEncapsulation } from './mixed-encapsulation.js';
import { tunnelPortPermission } from './tunnel-port-permission.js';
import { vxlanPortExposed } from './vxlan-port-exposed.js';
import { unencryptedOverlay } from './unencrypted-overlay.js';
import { edgeOnlyFirewall } from './edge-only-firewall.js';
import { statefulFilterAsymmetric } from './stateful-filter-asymmetric.js';
import { nodeLocalException } from './node-local-exception.js';
import { networkPolicyEnforcerUnset } from './network-policy-enforcer-unset.js';
import { networkPolicyUnenforced } from './network-policy-unenforced.js';

/**
 * Rules never read each other's findings, and findings are sorted by place afterwards, so no rule depends on running
 * before another. The order still matters to readers: analysis-codes.ts lists the codes in this order, which is the
 * order of the catalog (README, SARIF rules). Where two rules split one concern, the one the other's docs defer to
 * comes first: firewall-rule-dead before firewall-rule-shadowed, host-network-workload before host-port-workload.
 */
export const analysisRules: readonly AnalysisRule[] = Object.freeze([
  // Underlay
  bgpSessionUnauthenticated,
  bgpSessionNoMaxPrefix,
  cidrOverlapAcrossLayers,
  // Tenant overlays
  evpnRouteTargetLeak,
  vniPortCollision,
  mtuMismatch,
  securityGroupUnused,
  securityGroupOpenIngress,
  // Filters at any layer
  firewallRuleDead,
  firewallRuleShadowed,
  // Clusters (first: whether their NetworkPolicies are enforced at all)
  networkPolicyEnforcerUnset,
  networkPolicyUnenforced,
  namespaceWithoutDefaultDeny,
  dnsBlockedByEgressDeny,
  hostNetworkWorkload,
  hostPortWorkload,
  ipblockInPodCidr,
  // Filters against the header they actually see, across layers (the lead's rules; some read the path model)
  innerAddressAtEncapsulatedHop,
  mixedEncapsulation,
  tunnelPortPermission,
  vxlanPortExposed,
  unencryptedOverlay,
  edgeOnlyFirewall,
  statefulFilterAsymmetric,
  nodeLocalException,
]);
