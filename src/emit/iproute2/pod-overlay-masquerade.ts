// flannel's --ip-masq rules for one node (its nftables mode, table flannel-ipv4), as checked nftables rule text.
import type { NftRuleView } from './pod-overlay-view.js';
import { formatPrefix, parsePrefix } from '../../ir/ipv4.js';

/** IPv4 multicast: flannel never masquerades it. */
const MULTICAST = '224.0.0.0/4';
/**
 * kube-proxy marks what it wants masqueraded itself with bit 0x4000 (iptables `--mark 0x4000/0x4000`);
 * flannel returns early so the packet is not NATed twice.
 */
const KUBE_PROXY_MASQ_MARK = '0x00004000';

/**
 * The postrouting rules of flannel's `addMasqRules` (pkg/trafficmngr/nftables/nftables.go), in its order:
 * `podCidr` is the cluster's pod network, `podSubnet` this node's lease. The first match decides.
 */
export function flannelPostroutingRules(podCidr: string, podSubnet: string): NftRuleView[] {
  const cluster = checkedPrefix(podCidr);
  const node = checkedPrefix(podSubnet);
  return [
    { why: 'kube-proxy masquerades what it marked itself', rule: `meta mark & ${KUBE_PROXY_MASQ_MARK} == ${KUBE_PROXY_MASQ_MARK} return` },
    { why: 'pod to pod: keep pod addresses', rule: `ip saddr ${node} ip daddr ${cluster} return` },
    { why: 'pod to pod, arriving here: keep pod addresses', rule: `ip saddr ${cluster} ip daddr ${node} return` },
    { why: 'outside to a local pod: keep the client address', rule: `ip saddr != ${cluster} ip daddr ${node} return` },
    { why: 'pod to outside (not multicast): the node address', rule: `ip saddr ${cluster} ip daddr != ${MULTICAST} masquerade fully-random` },
    { why: 'node to remote pods: a pod-network source', rule: `ip saddr != ${cluster} ip daddr ${cluster} masquerade fully-random` },
  ];
}

/** flannel's forward rules (`SetupAndEnsureForwardRules`): a default-drop FORWARD policy must not cut pods off. */
export function flannelForwardRules(podCidr: string): NftRuleView[] {
  const cluster = checkedPrefix(podCidr);
  return [
    { why: 'from pods', rule: `ip saddr ${cluster} accept` },
    { why: 'to pods', rule: `ip daddr ${cluster} accept` },
  ];
}

/** Only a valid IPv4 prefix, in canonical form, reaches the ruleset text. */
function checkedPrefix(text: string): string {
  const prefix = parsePrefix(text);
  if (!prefix || prefix.hostBitsSet) throw new Error(`thrice: cluster IR holds ${JSON.stringify(text)} where a network prefix belongs`);
  return formatPrefix(prefix);
}
