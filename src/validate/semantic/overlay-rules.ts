// Rules for the tenant overlays: VRF names fit an interface name, VTEPs on leaves, peered VPCs don't overlap, MTU budget.
import { MAX_INTERFACE_NAME } from '../../ir/interface-name.js';
import type { SemanticRule } from './semantic-rule.js';
import { parsePrefix, prefixesOverlap } from '../../ir/ipv4.js';
import { symmetricPeerings } from '../../compile/build-overlay-ir.js';
import { VXLAN_OVERHEAD } from '../../ir/encapsulation.js';
import { DEFAULT_FABRIC_MTU } from '../../compile/allocate/fabric-defaults.js';


export const overlayRules: SemanticRule = {
  name: 'overlay-rules',
  codes: [
    { code: 'vrf-name-too-long', severity: 'error', summary: 'A VPC name is longer than 15 characters, the limit of the VRF device it becomes.' },
    { code: 'vtep-host-unsupported', severity: 'error', summary: '`vtep: host` (VTEPs on the hypervisors) is not supported in format version 1.' },
    { code: 'peered-cidr-overlap', severity: 'error', summary: 'Two peered VPCs have overlapping CIDRs, so leaked routes would be ambiguous.' },
    { code: 'mtu-budget', severity: 'error', summary: 'An MTU does not fit the layer budget (each VXLAN layer costs 50 bytes).' },
  ],
  check(spec, ctx) {
    if (spec.fabric?.vtep === 'host') {
      ctx.report('vtep-host-unsupported', ['fabric', 'vtep'], 'VTEPs on the hypervisors (`vtep: host`) are not supported yet; VPC tunnels end on the leaves', {
        hint: 'remove `vtep: host` (the default is `leaf`)',
      });
    }
    const vpcs = spec.vpcs ?? [];
    vpcs.forEach((vpc, v) => {
      if (vpc.name.length > MAX_INTERFACE_NAME) {
        ctx.report('vrf-name-too-long', ['vpcs', v, 'name'], `VPC name "${vpc.name}" has ${vpc.name.length} characters; it becomes the tenant VRF device, which Linux limits to ${MAX_INTERFACE_NAME}`, {
          hint: 'choose a shorter VPC name',
        });
      }
    });
    const index = new Map(vpcs.map((vpc, v) => [vpc.name, v]));
    const reported = new Set<string>();
    for (const [a, peers] of symmetricPeerings(spec)) {
      for (const b of peers) {
        const pair = [a, b].sort().join('\u0000');
        if (reported.has(pair)) continue;
        reported.add(pair);
        const va = index.get(a);
        const vb = index.get(b);
        if (va === undefined || vb === undefined) continue;
        const pa = parsePrefix(vpcs[va]?.cidr ?? '');
        const pb = parsePrefix(vpcs[vb]?.cidr ?? '');
        if (!pa || !pb || !prefixesOverlap(pa, pb)) continue;
        const [later, earlier] = va > vb ? [va, vb] : [vb, va];
        ctx.report('peered-cidr-overlap', ['vpcs', later, 'cidr'], `VPC ${vpcs[later]?.name} (${vpcs[later]?.cidr}) overlaps VPC ${vpcs[earlier]?.name} (${vpcs[earlier]?.cidr}), and they are peered`, {
          related: [{ path: ['vpcs', earlier, 'cidr'], message: `${vpcs[earlier]?.name}'s CIDR` }],
          hint: 'peered VPCs exchange routes, so their address spaces must be disjoint',
        });
      }
    }
    // Two VPCs peered with a common one leak both into its VRF: overlapping there, a route (and a `vm:`/`subnet:`
    // reference, which matches in its VPC and that VPC's peers) would be ambiguous. Unpeered VPCs may overlap otherwise.
    for (const [common, peers] of symmetricPeerings(spec)) {
      const sorted = [...peers].filter((p) => index.has(p)).sort((x, y) => (index.get(x) ?? 0) - (index.get(y) ?? 0));
      sorted.forEach((b, j) =>
        sorted.slice(0, j).forEach((a) => {
          if (symmetricPeerings(spec).get(a)?.has(b)) return;
          const va = index.get(a) as number;
          const vb = index.get(b) as number;
          const pa = parsePrefix(vpcs[va]?.cidr ?? '');
          const pb = parsePrefix(vpcs[vb]?.cidr ?? '');
          const pair = [a, b, common].join('\u0000');
          if (!pa || !pb || !prefixesOverlap(pa, pb) || reported.has(pair)) return;
          reported.add(pair);
          ctx.report('peered-cidr-overlap', ['vpcs', vb, 'cidr'], `VPC ${b} (${vpcs[vb]?.cidr}) overlaps VPC ${a} (${vpcs[va]?.cidr}), and both are peered with VPC ${common}`, {
            related: [{ path: ['vpcs', va, 'cidr'], message: `${a}'s CIDR` }],
            hint: `VPC ${common}'s VRF holds the routes of both, so their address spaces must be disjoint`,
          });
        }),
      );
    }
    const fabricMtu = spec.fabric?.mtu ?? DEFAULT_FABRIC_MTU;
    const vmBudget = fabricMtu - VXLAN_OVERHEAD;
    vpcs.forEach((vpc, v) =>
      (vpc.vms ?? []).forEach((vm, i) => {
        if (vm.mtu !== undefined && vm.mtu > vmBudget) {
          ctx.report('mtu-budget', ['vpcs', v, 'vms', i, 'mtu'], `VM ${vm.name} has MTU ${vm.mtu}, but VPC VXLAN over a ${fabricMtu}-byte fabric leaves ${vmBudget}`, {
            related: spec.fabric?.mtu === undefined ? [] : [{ path: ['fabric', 'mtu'], message: 'fabric MTU' }],
            hint: `lower the VM MTU to at most ${vmBudget}, or raise fabric.mtu`,
          });
        }
      }),
    );
  },
};
