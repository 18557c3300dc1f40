// Decides a whole lab from the IR and the compiled outputs: what to create where, in order; pure, so it is tested without root.
import type { TopologyIR } from '../ir/topology-ir.js';
import type { SwitchRole } from '../ir/fabric-ir.js';
import { byName } from '../ir/natural-order.js';
import { vpcsServedBy } from '../emit/frr/served-vpcs.js';
import { tenantNetnsName } from '../emit/iproute2/leaf-overlay-netns-name.js';
import { placePods } from '../analysis/paths/place-pods.js';
import type { LabPlan, PlannedFrr, PlannedNetns, PlannedOutside, PlannedPod, PlannedRuleset, ScriptRun, TenantVrfs, VmAttachment } from './lab-plan-types.js';
import { deviceNetns, externalNetns, interfaceNameProblem, podNetns, podVethName } from './lab-names.js';
import { borderLeaves, freePort, freePorts, planWiring } from './wiring-plan.js';
import { LabError } from './lab-error.js';


const TIER_ORDER: Readonly<Record<SwitchRole, number>> = { 'super-spine': 0, spine: 1, leaf: 2, border: 2 };

export interface PlanInput {
  readonly lab: string;
  readonly ir: TopologyIR;
  /** Paths of the compiled outputs (relative, POSIX). */
  readonly files: ReadonlySet<string>;
  /** Without 802.1Q on this kernel, VLANs of a trunk get veth stand-ins. */
  readonly vlanStandIns: boolean;
  /** Source addresses for probes from `external` endpoints, held by the outside namespaces. */
  readonly outsideAddresses: readonly string[];
  /**
   * `devices` where the kernel has VRF devices: overlay.sh and FRR run as emitted. Else (the default) each tenant VRF
   * is a namespace: overlay-netns.sh, `zebra -n`, and the outside attached to the border's tenant namespaces.
   */
  readonly tenantVrfs?: TenantVrfs;
}

export function planLab(input: PlanInput): LabPlan {
  const { lab, ir, files } = input;
  const tenantVrfs = input.tenantVrfs ?? 'namespaces';
  const fabric = ir.fabric;
  if (!fabric) throw new LabError('the topology has no fabric: a lab needs switches to stand up');
  refuseFlanneldOnlyBackends(ir);
  const switches = [...fabric.switches].sort(byName);
  const hosts = [...fabric.hosts].sort(byName);
  const vms = [...ir.overlay.vms].sort(byName);
  const netns: PlannedNetns[] = [
    ...switches.map((s): PlannedNetns => ({ name: deviceNetns(lab, s.name), kind: 'switch', device: s.name })),
    ...hosts.map((h): PlannedNetns => ({ name: deviceNetns(lab, h.name), kind: 'host', device: h.name })),
    ...vms.map((v): PlannedNetns => ({ name: deviceNetns(lab, v.name), kind: 'vm', device: v.name })),
  ];
  const pods = planPods(lab, ir);
  const outside = planOutside(lab, ir, files, input.outsideAddresses, tenantVrfs);
  netns.push(...pods.map((p): PlannedNetns => ({ name: p.netns, kind: 'pod', device: `${p.cluster}/${p.namespace}/${p.pod}` })));
  const outsideNetns = [...new Map(outside.map((o) => [o.netns, o])).values()];
  netns.push(...outsideNetns.map((o): PlannedNetns => ({ name: o.netns, kind: 'outside', device: `${o.border}/${o.vrf}` })));
  refuseSharedNames(netns);
  const links = planWiring(lab, ir, pods, { vlanStandIns: input.vlanStandIns });
  for (const l of links) for (const e of [l.a, l.b]) {
    const problem = interfaceNameProblem(e.ifname);
    if (problem) throw new LabError(`${problem} (in ${e.netns})`);
  }
  const run = (device: string, script: string, tenants = false): ScriptRun[] =>
    files.has(script) ? [{ netns: deviceNetns(lab, device), script, ...(tenants ? { tenants } : {}) }] : [];
  const fabricScripts = [
    ...switches.flatMap((s) => run(s.name, `fabric/${s.name}/interfaces.sh`)),
    // With VRF devices overlay.sh runs plainly in the leaf's namespace, as on a switch.
    ...switches.flatMap((s) => run(s.name, overlayScript(s.name, tenantVrfs), tenantVrfs === 'namespaces')),
    ...hosts.flatMap((h) => run(h.name, `hosts/${h.name}/setup.sh`)),
  ];
  const vmAttachments = vms.map(
    (vm): VmAttachment => ({ vm: vm.name, hostNetns: deviceNetns(lab, vm.host), vmNetns: deviceNetns(lab, vm.name), hostEnd: `${vm.hostPort}-vm`, vmInterface: vm.interface }),
  );
  const vmScripts = [...vms.flatMap((v) => run(v.name, `vms/${v.name}/setup.sh`)), ...vms.flatMap((v) => run(v.name, `vms/${v.name}/pod-overlay.sh`))];
  // Upper tiers first: a leaf's bgpd that starts before its spines' gets refused and waits out BGP's connect-retry timer.
  const frr = [...switches]
    .sort((a, b) => TIER_ORDER[a.role] - TIER_ORDER[b.role])
    .filter((s) => files.has(`fabric/${s.name}/frr.conf`))
    .map((s): PlannedFrr => {
      const overlay = tenantVrfs === 'namespaces' && files.has(`fabric/${s.name}/overlay-netns.sh`);
      const tenants = overlay ? vpcsServedBy(fabric, ir.overlay, s).map((vpc) => ({ vrf: vpc.vrf, netns: tenantNetnsName(s.name, vpc.vrf) })) : [];
      return { switch: s.name, netns: deviceNetns(lab, s.name), config: `fabric/${s.name}/frr.conf`, tenants, bfd: fabric.bgp?.bfd !== undefined };
    });
  return { name: lab, tenantVrfs, namespaces: netns, links, fabricScripts, vmAttachments, vmScripts, pods, outside, rulesets: planRulesets(lab, ir, files), frr };
}

/** The tenant overlay script the lab runs on a switch: overlay.sh with VRF devices, overlay-netns.sh without. */
function overlayScript(sw: string, tenantVrfs: TenantVrfs): string {
  return `fabric/${sw}/${tenantVrfs === 'devices' ? 'overlay.sh' : 'overlay-netns.sh'}`;
}

/** Every pod the analysis places (spec workloads and imported pods alike), except host-network pods: those are their node. */
function planPods(lab: string, ir: TopologyIR): PlannedPod[] {
  return ir.clusters.flatMap((cluster) => {
    const places = placePods(cluster);
    return cluster.policyModel.pods.flatMap((pod, podIndex): PlannedPod[] => {
      const place = places[podIndex];
      const node = place ? cluster.nodes.find((n) => n.name === place.node) : undefined;
      if (!place || !node || pod.hostNetwork) return [];
      const [gateway = '', prefix = '32'] = node.bridgeAddress.split('/');
      return [
        {
          cluster: cluster.name,
          namespace: pod.namespace,
          pod: pod.name,
          netns: podNetns(lab, cluster.name, pod.namespace, pod.name),
          nodeNetns: deviceNetns(lab, node.name),
          nodeVeth: podVethName(cluster.name, pod.namespace, pod.name),
          address: place.ip,
          prefixLength: Number(prefix),
          gateway,
          mtu: cluster.cni.mtu,
          podIndex,
        },
      ];
    });
  });
}

/**
 * One outside namespace per VPC (each tenant's outside is its own: VPC address spaces may overlap), named after the
 * first border leaf and attached to the VPC's VRF on every border leaf, as an upstream router attached to all of them
 * would be: one entry per (border leaf, VPC), the outside's ports `eth0`, `eth1`, ... in border order. The border's
 * end is in the VPC's tenant namespace (VRFs as namespaces: each has its own lowest free port), or in the border
 * leaf's own namespace (VRF devices: the VPCs share it, so each takes the next free port, in the order served).
 * Without a border leaf that runs tenant VRFs, external probes have nowhere to start.
 */
function planOutside(lab: string, ir: TopologyIR, files: ReadonlySet<string>, addresses: readonly string[], tenantVrfs: TenantVrfs): PlannedOutside[] {
  const fabric = ir.fabric;
  const borders = fabric ? borderLeaves(fabric).sort(byName).filter((b) => files.has(overlayScript(b.name, tenantVrfs))) : [];
  const first = borders[0];
  if (!fabric || !first || addresses.length === 0) return [];
  return borders.flatMap((border, index) => {
    const ruleset = `nftables/${border.name}.nft`;
    const vpcs = vpcsServedBy(fabric, ir.overlay, border);
    const ports = tenantVrfs === 'devices' ? freePorts(border, vpcs.length) : vpcs.map(() => freePort(border));
    return vpcs.map(
      (vpc, v): PlannedOutside => ({
        border: border.name,
        vpc: vpc.name,
        vrf: vpc.vrf,
        netns: externalNetns(lab, first.name, vpc.vrf),
        outsidePort: `eth${index}`,
        ...(tenantVrfs === 'devices' ? { borderNetns: deviceNetns(lab, border.name) } : { tenantNetns: tenantNetnsName(border.name, vpc.vrf) }),
        borderPort: ports[v] as string,
        addresses: [...addresses].sort(),
        vpcCidr: vpc.cidr,
        ...(files.has(ruleset) ? { ruleset } : {}),
      }),
    );
  });
}

function planRulesets(lab: string, ir: TopologyIR, files: ReadonlySet<string>): PlannedRuleset[] {
  return [...files]
    .filter((f) => /^nftables\/[^/]+\.nft$/.test(f))
    .sort()
    .map((file) => {
      const device = file.slice('nftables/'.length, -'.nft'.length);
      const guardedVms = ir.overlay.vms
        .filter((vm) => vm.host === device && vm.securityGroups.length > 0)
        .sort(byName)
        .map((vm) => ({ vm: vm.name, netns: deviceNetns(lab, vm.name), interface: vm.interface }));
      return { device, netns: deviceNetns(lab, device), file, guardedVms };
    });
}

/**
 * A wireguard pod overlay is made by flanneld (keys generated on each node, exchanged through the Node annotations),
 * which the outputs configure but do not contain: pod-overlay.sh stops on purpose, and the lab has no stand-in for it.
 */
function refuseFlanneldOnlyBackends(ir: TopologyIR): void {
  const cluster = ir.clusters.find((c) => c.cni.backend === 'wireguard' && c.nodes.length > 0);
  if (!cluster) return;
  throw new LabError(
    `cluster ${cluster.name} uses flannel's wireguard backend, which only flanneld sets up (it generates each node's key and ` +
      `exchanges them through the Node annotations); the outputs hold no such overlay and the lab does not stand in for flanneld`,
  );
}

function refuseSharedNames(netns: readonly PlannedNetns[]): void {
  const seen = new Map<string, PlannedNetns>();
  for (const n of netns) {
    const first = seen.get(n.name);
    if (first) throw new LabError(`${first.kind} ${first.device} and ${n.kind} ${n.device} would share namespace ${n.name}; rename one of them`);
    seen.set(n.name, n);
  }
}
