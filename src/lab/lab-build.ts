// The creating steps of `lab up`, each over one part of the plan: namespaces, cables, scripts, VM ports, pods, the outside.
import { join } from 'node:path';
import type { LabPlan } from './lab-plan-types.js';
import type { LabStateFile } from './lab-state.js';
import { addNetns, addVeth, inNetns, inNetnsAt, ipBatch, labMark, netnsExists, netnsPath } from './netns.js';
import { runWithTenantDir, tenantDir, tenantNamespaces } from './tenant-namespaces.js';
import { LabUsageError } from './lab-error.js';

/** The border tenant namespace's end of an outside link: a link-local address, so it can never clash with the topology's. */
export const OUTSIDE_GATEWAY = '169.254.0.1';

export function createNamespaces(state: LabStateFile, plan: LabPlan): void {
  const taken = plan.namespaces.filter((n) => netnsExists(n.name));
  if (taken.length > 0) {
    // Not recorded and not marked as this lab's (up removed those): someone else's, so the name is the problem.
    const names = taken.map((n) => n.name);
    throw new LabUsageError(`${names.length === 1 ? 'namespace' : 'namespaces'} ${names.join(', ')} ${names.length === 1 ? 'exists' : 'exist'} already and ${names.length === 1 ? 'is' : 'are'} not this lab's; delete ${names.length === 1 ? 'it' : 'them'} or pick another --name`);
  }
  const mark = labMark(state.state.name, state.state.dir);
  for (const n of plan.namespaces) {
    state.addNamespace(n.name);
    addNetns(n.name, mark);
    // BGP unnumbered peers by the link-local addresses router advertisements carry. With duplicate address detection
    // they stay tentative for a second after the link comes up, early advertisements are lost, and a session can wait
    // out BGP's 10 s connect-retry timer. No address can be duplicated on a veth pair, so the check is switched off.
    if (n.kind === 'switch') inNetns(n.name, 'sysctl', ['-q', '-w', 'net.ipv6.conf.all.accept_dad=0', 'net.ipv6.conf.default.accept_dad=0']);
  }
}

export function createLinks(plan: LabPlan): void {
  for (const link of plan.links) addVeth(link.a, link.b);
}

/** Runs generated scripts unchanged; overlay scripts see the lab's private namespace directory, and their pins are recorded. */
export function runScripts(state: LabStateFile, labDir: string, outDir: string, runs: LabPlan['fabricScripts']): void {
  for (const run of runs) {
    const script = join(outDir, run.script);
    if (run.tenants) {
      const dir = tenantDir(labDir);
      runWithTenantDir(run.netns, dir, script);
      for (const pinned of tenantNamespaces(dir)) if (!state.state.mounts.includes(join(dir, pinned))) state.addMount(join(dir, pinned));
    } else {
      inNetns(run.netns, 'sh', [script]);
    }
  }
}

/** hosts/<host>/setup.sh leaves each VM's end `vmportN-vm` in the host, as its comments say; the VM takes it as eth0. */
export function attachVms(plan: LabPlan): void {
  for (const a of plan.vmAttachments) {
    inNetns(a.hostNetns, 'ip', ['link', 'set', 'dev', a.hostEnd, 'netns', a.vmNetns]);
    inNetns(a.vmNetns, 'ip', ['link', 'set', 'dev', a.hostEnd, 'name', a.vmInterface]);
  }
}

/** What the flannel CNI (bridge plugin) does for each pod: port into cni0, address, default route via the bridge. */
export function attachPods(plan: LabPlan): void {
  for (const p of plan.pods) {
    ipBatch(p.nodeNetns, [`link set dev ${p.nodeVeth} master cni0 mtu ${p.mtu} up`]);
    ipBatch(p.netns, [
      `link set dev eth0 mtu ${p.mtu} up`,
      `addr replace ${p.address}/${p.prefixLength} dev eth0`,
      `route replace default via ${p.gateway} dev eth0`,
    ]);
  }
}

/**
 * The outside of each VPC: a veth pair from each border leaf's VRF of the VPC (`swpN`, the port the border ruleset
 * matches) to the outside namespace (`eth0`, `eth1`, ...), made once the overlay script has made the VRF. With VRFs as
 * namespaces the border's end is in the tenant namespace overlay-netns.sh made; with VRF devices it is in the border
 * leaf's own namespace, enslaved to the VRF device, its address and routes in the VRF's table. Each pair is created
 * on the border's side with its peer sent straight into the outside namespace, so neither end is ever in the machine's
 * namespace. The border side routes the outside's addresses (/32s) out of its port; the outside holds them on `lo`
 * and routes the VPC back over every border leaf at once (ECMP, hashed by addresses and ports, as an upstream router
 * spreads flows), so a flow may come in through one border and its reply leave through another. Nothing of this is announced: the borders' `default-originate ipv4` already leads every leaf's VRF here.
 */
export function attachOutside(plan: LabPlan, tenants: string): string[] {
  const lines: string[] = [];
  for (const o of plan.outside) {
    const side = outsideBorderSide(o, tenants);
    inNetnsAt(side.path, 'ip', ['link', 'add', o.borderPort, 'type', 'veth', 'peer', 'name', o.outsidePort, 'netns', o.netns]);
    // The port joins the VRF before it gets its address, so the address's local and connected routes land in the VRF's table.
    const vrf = o.borderNetns ? ` vrf ${o.vrf}` : '';
    const border = [
      ...(o.borderNetns ? [`link set dev ${o.borderPort} master ${o.vrf}`] : []),
      `link set dev ${o.borderPort} up`,
      `addr replace ${OUTSIDE_GATEWAY}/32 dev ${o.borderPort}`,
      ...o.addresses.map((a) => `route replace ${a}/32 dev ${o.borderPort}${vrf}`),
    ];
    inNetnsAt(side.path, 'ip', ['-batch', '-'], border.join('\n') + '\n');
    lines.push(`${side.name} (VRF ${o.vrf}): veth ${o.borderPort} to ${o.netns} ${o.outsidePort}, ${border.filter((l) => !l.endsWith(' up')).join(', ')}`);
  }
  const byNetns = new Map<string, LabPlan['outside'][number][]>();
  for (const o of plan.outside) byNetns.set(o.netns, [...(byNetns.get(o.netns) ?? []), o]);
  for (const [netns, sides] of byNetns) {
    const { addresses, vpcCidr } = sides[0] as LabPlan['outside'][number];
    const ports = sides.map((o) => o.outsidePort);
    // Hash on ports too (policy 1), and accept replies on any port of the ECMP route.
    inNetns(netns, 'sysctl', ['-q', '-w', 'net.ipv4.fib_multipath_hash_policy=1', 'net.ipv4.conf.all.rp_filter=0', 'net.ipv4.conf.default.rp_filter=0']);
    const via = ports.length === 1 ? `via ${OUTSIDE_GATEWAY} dev ${ports[0]} onlink` : ports.map((p) => `nexthop via ${OUTSIDE_GATEWAY} dev ${p} onlink`).join(' ');
    ipBatch(netns, ['link set dev lo up', ...ports.map((p) => `link set dev ${p} up`), ...addresses.map((a) => `addr replace ${a}/32 dev lo`), `route replace ${vpcCidr} ${via}`]);
    lines.push(`${netns}: ${addresses.length === 1 ? 'address' : 'addresses'} ${addresses.join(', ')} on lo, route ${vpcCidr} ${via}`);
  }
  return lines;
}

/** Where the border's end of an outside link is: the tenant namespace (pinned in `tenants`), or the border leaf's own namespace. */
export function outsideBorderSide(o: LabPlan['outside'][number], tenants: string): { name: string; path: string } {
  if (o.borderNetns) return { name: o.borderNetns, path: netnsPath(o.borderNetns) };
  return { name: o.tenantNetns ?? '', path: join(tenants, o.tenantNetns ?? '') };
}
