// Says plainly what the lab does that the generated outputs do not, or differently, and why; printed by `up` and `status`.
import type { KernelFeatures } from './kernel-features.js';
import type { LabPlan } from './lab-plan-types.js';
import type { FilterReport } from './lab-filters.js';

export function describeDifferences(plan: LabPlan, features: KernelFeatures, filters: FilterReport, outsideLines: readonly string[], frrAdjusted: readonly string[] = []): string[] {
  const out: string[] = [];
  if (plan.frr.some((f) => f.tenants.length > 0)) {
    out.push(
      `tenant VRFs: fabric/<leaf>/overlay-netns.sh runs instead of overlay.sh${features.vrf ? '' : ' (this kernel has no vrf device)'}; ` +
        'zebra runs with FRR\'s namespace VRF backend (-n) and sees, as its /run/netns, only its own tenant namespaces under their VRF names, ' +
        'so frr.conf is used unchanged (but for VRF route leaking, below); the tenant namespaces live in the lab\'s directory, not in /run/netns',
    );
  }
  if (frrAdjusted.length > 0) {
    out.push(
      'VRF route leaking: with tenant VRFs as namespaces a route in one cannot lead into another, so zebra would install a VRF\'s leaked ' +
        'routes (`import vrf`) with the other VRF\'s router MAC and VNI and, while they are best, lose the traffic; the daemons read a copy without ' +
        `those lines, and peered VPCs learn each other's routes by the route targets they import over EVPN: ${frrAdjusted.join(', ')}`,
    );
  }
  if (plan.links.some((l) => l.kind === 'vlan-stand-in')) {
    out.push('VLAN trunks: this kernel has no 802.1Q, so each VLAN of a leaf–host trunk is a veth pair of its own (swpN.<vlan> ↔ eth0.<vlan>), which the scripts use as they are');
  }
  for (const line of filters.replaced) out.push(`${line} (this kernel has no conntrack in the bridge family)`);
  if (filters.podPolicies > 0) {
    out.push(
      'NetworkPolicies: the outputs deploy kube-network-policies (k8s/<cluster>/kube-network-policies.yaml), which needs a Kubernetes API, so the lab ' +
        'stands in for it: nftables in each pod\'s namespace (egress on output, ingress on input, stateful), compiled from the policy reading the ' +
        'analysis uses, with its semantics: the pod\'s own node passes both ways unjudged, other nodes\' traffic is judged from their overlay address; ' +
        'clusters with cni.policy none (or unset) get nothing',
    );
  }
  if (plan.pods.length > 0) out.push('pods: the lab does what the CNI bridge plugin would: a veth into cni0, the pod address and a default route via cni0');
  if (outsideLines.length > 0) {
    const zones = filters.outsideZones ?? [];
    const where =
      plan.tenantVrfs === 'devices'
        ? ', whose end (a free swpN, which the border ruleset treats as a port to the outside) is enslaved to the VPC\'s VRF device, with a link-local ' +
          'transfer address and /32 routes to the outside\'s addresses in the VRF\'s table, '
        : '\'s tenant namespace (its VRF, where the L3 VNI ends), with a link-local transfer address, /32 routes to the outside\'s addresses there ';
    out.push(
      `the outside: not in the generated files; the lab adds, per VPC, an outside namespace on a veth pair to every border leaf${where}` +
        `and the VPC routed back over all of them (ECMP, as an upstream router would spread flows): ${outsideLines.join('; ')}. ` +
        'frr.conf announces none of it beyond what `redistribute connected` picks up; the leaves reach the outside by the border\'s default-originate' +
        (zones.length > 0 ? `. As the border ruleset asks of a deployment, each outside port joins its VPC's conntrack zone (${zones.join(', ')})` : ''),
    );
  }
  if (filters.inTenants.length > 0) {
    out.push(
      `border ruleset: with tenant VRFs as namespaces the outside port sits in the border leaf's tenant namespace, so the border's ruleset, unchanged, ` +
        `loads there as well as in the leaf, and the outside's port joins its VPC's conntrack zone as the ruleset asks of a deployment ` +
        `(a namespace has a conntrack table of its own anyway; its VPC interfaces, the L3 VNI bridge, keep their names there): ${filters.inTenants.join(', ')}`,
    );
  }
  out.push('switch namespaces: IPv6 duplicate address detection is off (a kernel setting, not in the outputs), so the link-local addresses BGP unnumbered peers by are usable at once');
  out.push('FRR: daemons run as `zebra`/`bgpd -d` (and `bfdd -d` where frr.conf asks for BFD) with config, pid, socket and log paths under the lab directory; nothing in /etc/frr is used');
  return out;
}
