// Loads the filters: every generated nftables ruleset in its device's namespace, stand-ins where the kernel cannot, and pod policies.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TopologyIR } from '../ir/topology-ir.js';
import { collectDeviceFilters } from '../emit/nftables/device-filters.js';
import { buildRulesetView } from '../emit/nftables/build-ruleset-view.js';
import { renderTemplate } from '../emit/render-template.js';
import type { KernelFeatures } from './kernel-features.js';
import type { LabPlan, PlannedRuleset } from './lab-plan-types.js';
import { LabError } from './lab-error.js';
import { tryInNetns, tryInNetnsAt } from './netns.js';
import { tenantDir } from './tenant-namespaces.js';
import { outsideBorderSide } from './lab-build.js';
import { securityGroupStandIn } from './security-group-stand-in.js';
import { networkPolicyRuleset } from './network-policy-agent.js';
import { enforcesNetworkPolicies } from '../ir/network-policy-enforcer.js';
import { conntrackZones, ZONE_MAP } from '../emit/nftables/conntrack-zones.js';
import { PLACEMENTS } from '../emit/nftables/placement-table.js';
import type { PlannedOutside } from './lab-plan-types.js';

export interface FilterReport {
  readonly unchanged: readonly string[];
  /** Devices whose ruleset was replaced, with the reason and where the replacement is. */
  readonly replaced: readonly string[];
  readonly podPolicies: number;
  /** Border rulesets loaded, unchanged, in a tenant namespace where the outside attaches: `<file> in <tenant namespace>`. */
  readonly inTenants: readonly string[];
  /**
   * With VRF devices (the outside's port is in the border leaf's namespace, where its ruleset is loaded already): each
   * outside port added to its VPC's conntrack zone there, `<port> of <border> (VRF <vrf>) : zone <n>`.
   */
  readonly outsideZones?: readonly string[];
}

export function loadFilters(plan: LabPlan, ir: TopologyIR, outDir: string, labDir: string, features: KernelFeatures): FilterReport {
  const unchanged: string[] = [];
  const replaced: string[] = [];
  const own = join(labDir, 'lab');
  mkdirSync(own, { recursive: true });
  const load = (netns: string, file: string): string | undefined => {
    const r = tryInNetns(netns, 'nft', ['-f', file]);
    return r.status === 0 ? undefined : (r.stderr || r.stdout).trim();
  };
  for (const rs of plan.rulesets) {
    const error = load(rs.netns, join(outDir, rs.file));
    if (!error) {
      unchanged.push(rs.device);
      continue;
    }
    if (rs.guardedVms.length === 0 || features.bridgeConntrack) throw new LabError(`${rs.file} does not load in ${rs.netns}:\n${error}`);
    replaced.push(...standIns(rs, ir, own, load));
  }
  // With tenant VRFs as namespaces the outside's port lives in the border leaf's tenant namespace, not in the leaf's:
  // the border ruleset loads there too, unchanged (its chain matches that port by name, `swpN` outside the fabric's).
  // With VRF devices it is a port of the leaf itself, where the ruleset is loaded already.
  const inTenants: string[] = [];
  const outsideZones: string[] = [];
  for (const o of plan.outside) {
    if (!o.ruleset) continue;
    const side = outsideBorderSide(o, tenantDir(labDir));
    if (!o.borderNetns) {
      const r = tryInNetnsAt(side.path, 'nft', ['-f', join(outDir, o.ruleset)]);
      if (r.status !== 0) throw new LabError(`${o.ruleset} does not load in ${side.name}:\n${(r.stderr || r.stdout).trim()}`);
    }
    const zone = outsideZone(ir, o);
    if (zone !== undefined) {
      // What the ruleset asks of a deployment: the outside's port joins its VPC's conntrack zone (conntrack-zones.ts).
      const element = `{ "${o.borderPort}" : ${zone} }`;
      const z = tryInNetnsAt(side.path, 'nft', ['add', 'element', 'inet', 'thrice', ZONE_MAP, element]);
      if (z.status !== 0) throw new LabError(`cannot add ${o.borderPort} to ${ZONE_MAP} in ${side.name}:\n${(z.stderr || z.stdout).trim()}`);
    }
    if (o.borderNetns) {
      if (zone !== undefined) outsideZones.push(`${o.borderPort} of ${o.border} (VRF ${o.vrf}) : zone ${zone}`);
    } else inTenants.push(`${o.ruleset} in ${side.name}${zone === undefined ? '' : ` (its outside port ${o.borderPort} added to ${ZONE_MAP}, zone ${zone})`}`);
  }
  let podPolicies = 0;
  for (const pod of plan.pods) {
    const cluster = ir.clusters.find((c) => c.name === pod.cluster);
    // Only where the outputs deploy an enforcer: with `cni.policy: none` (or unset) nothing filters pods, nor may the lab.
    const text = cluster && enforcesNetworkPolicies(cluster) ? networkPolicyRuleset(cluster, plan.pods, pod) : undefined;
    if (!text) continue;
    const file = join(own, `netpol-${pod.netns}.nft`);
    writeFileSync(file, text);
    const error = load(pod.netns, file);
    if (error) throw new LabError(`the NetworkPolicy rules of ${pod.netns} (${file}) do not load:\n${error}`);
    podPolicies++;
  }
  return { unchanged, replaced, podPolicies, inTenants, outsideZones };
}

/** The conntrack zone of the outside's VPC, when the border's ruleset keeps zones (a stateful border firewall). */
function outsideZone(ir: TopologyIR, o: PlannedOutside): number | undefined {
  const filters = collectDeviceFilters(ir).find((f) => f.device.name === o.border);
  const zones = filters ? conntrackZones(ir, filters) : undefined;
  if (!zones?.maps.some((m) => m.name === ZONE_MAP)) return undefined;
  return ir.overlay.vpcs.find((v) => v.name === o.vpc)?.id;
}

/**
 * A hypervisor's file failed for want of bridge conntrack: it loads again without what needs `ct` in the bridge
 * family (the security groups' chains and conntrack zones, and host firewalls), so the stateless port security stays
 * on the VMs' ports as emitted, and each guarded VM's security-group chains load in the VM (see security-group-stand-in.ts).
 */
function standIns(rs: PlannedRuleset, ir: TopologyIR, own: string, load: (netns: string, file: string) => string | undefined): string[] {
  const filters = collectDeviceFilters(ir).find((f) => f.device.name === rs.device);
  const lines: string[] = [];
  if (filters) {
    const hostFirewalls = filters.firewalls.filter((f) => PLACEMENTS[f.placement.kind].device === 'host').map((f) => f.name);
    const view = buildRulesetView(ir, { ...filters, guardedVms: [], firewalls: filters.firewalls.filter((f) => !hostFirewalls.includes(f.name)) });
    if (view.tables.length > 0) {
      const file = join(own, `${rs.device}-without-conntrack.nft`);
      writeFileSync(file, renderTemplate('nftables', 'ruleset.nft', view));
      const error = load(rs.netns, file);
      if (error) throw new LabError(`${file} (${rs.file} without its stateful bridge chains) does not load:\n${error}`);
      const dropped = hostFirewalls.length > 0 ? `; host firewalls ${hostFirewalls.join(', ')} not loaded` : '';
      lines.push(`${rs.file}: loaded as emitted but for the security groups' chains and conntrack zones (port security included) (${file})${dropped}`);
    }
  }
  for (const vm of rs.guardedVms) {
    const file = join(own, `${vm.vm}-security-groups.nft`);
    writeFileSync(file, securityGroupStandIn(ir, vm.vm));
    const error = load(vm.netns, file);
    if (error) throw new LabError(`${file} does not load in ${vm.netns}:\n${error}`);
    lines.push(`${rs.file}: security groups of ${vm.vm} loaded on ${vm.interface} inside the VM (${file})`);
  }
  return lines;
}
