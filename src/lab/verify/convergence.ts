// Whether the fabric has converged: every BGP session (and BFD session, when configured) up, every loopback learned, every VNI knows its remote VTEPs, every subnet routed.
import type { TopologyIR } from '../../ir/topology-ir.js';
import type { SwitchIR } from '../../ir/fabric-ir.js';
import { vpcsServedBy, subnetsServedBy } from '../../emit/frr/served-vpcs.js';
import { type FrrDaemon, frrPaths } from '../frr-daemons.js';
import { askDaemon } from '../frr-vty-client.js';
import { LabError } from '../lab-error.js';

interface SummaryJson {
  readonly [family: string]: { readonly peers?: Readonly<Record<string, { readonly state?: string }>> } | undefined;
}

/** One entry of bfdd's `show bfd peers json`. */
interface BfdPeerJson {
  readonly peer?: string;
  readonly interface?: string;
  readonly status?: string;
}

interface VniJson {
  readonly [vni: string]: { readonly type?: string; readonly vxlanIf?: string; readonly tenantVrf?: string; readonly remoteVteps?: readonly string[] };
}

const FAMILIES = [
  ['ipv4Unicast', 'IPv4 unicast'],
  ['l2VpnEvpn', 'L2VPN EVPN'],
] as const;

/** What is not up yet, one line each, naming the switch and the session, VNI or prefix; empty when converged. Switches are asked in parallel. */
export async function convergenceProblems(labDir: string, ir: TopologyIR): Promise<string[]> {
  const { others, routerMacs } = await fabricProblems(labDir, ir);
  return [...others, ...routerMacs];
}

/** The same, with the routed next hops zebra holds no router MAC for apart from everything else. */
export async function fabricProblems(labDir: string, ir: TopologyIR): Promise<{ others: string[]; routerMacs: string[] }> {
  const fabric = ir.fabric;
  if (!fabric) return { others: [], routerMacs: [] };
  const lists = (await Promise.all(fabric.switches.map((sw) => switchProblems(labDir, ir, sw)))).flat();
  return { others: lists.filter((p) => !ROUTER_MAC.test(p)), routerMacs: lists.filter((p) => ROUTER_MAC.test(p)) };
}

const ROUTER_MAC = / has no router MAC for VTEP /;

async function switchProblems(labDir: string, ir: TopologyIR, sw: SwitchIR): Promise<string[]> {
  const fabric = ir.fabric!;
  // eBGP loop prevention: a switch never accepts a route whose AS path holds its own ASN, so switches sharing an
  // ASN (the spines of a pod, a rack's leaf pair) never learn each other's loopbacks or EVPN routes.
  const asnOf = new Map(fabric.switches.map((s) => [s.name, s.asn]));
  const loopbackOf = new Map(fabric.switches.map((s) => [s.name, s.loopback]));
  const paths = frrPaths(labDir, sw.name);
  const ask = async <T>(command: string, daemon: FrrDaemon = 'zebra'): Promise<T | undefined> => {
    try {
      // bfdd's show commands exist in enable mode only.
      return JSON.parse(await askDaemon(paths.vty(daemon), command, undefined, { enable: daemon === 'bfdd' })) as T;
    } catch {
      return undefined;
    }
  };
  const vpcs = vpcsServedBy(fabric, ir.overlay, sw);
  const [bfdPeers, summary, underlay, vnis, ...perVrf] = await Promise.all([
    fabric.bgp?.bfd ? ask<readonly BfdPeerJson[]>('show bfd peers json', 'bfdd') : Promise.resolve(undefined),
    ask<SummaryJson>('show bgp summary json', 'bgpd'),
    ask<Record<string, unknown>>('show ip route json'),
    vpcs.length > 0 ? ask<VniJson>('show evpn vni json') : Promise.resolve(undefined),
    ...vpcs.map((vpc) => ask<Record<string, unknown>>(`show ip route vrf ${vpc.vrf} json`)),
    ...vpcs.map((vpc) => ask<Record<string, unknown>>(`show evpn rmac vni ${vpc.l3Vni} json`)),
  ]);
  // One round of questions per poll: each VRF's routes, then each L3 VNI's router MACs.
  const vrfRoutes = perVrf.slice(0, vpcs.length);
  const rmacs = perVrf.slice(vpcs.length);
  const problems: string[] = [];
  for (const iface of sw.interfaces) {
    const peer = iface.peerAddress ?? iface.name;
    for (const [family, label] of FAMILIES) {
      const state = summary?.[family]?.peers?.[peer]?.state ?? (summary ? 'absent' : 'bgpd not answering');
      if (state !== 'Established') problems.push(`${sw.name} ${label} session ${peer} to ${iface.peer} ${iface.peerInterface}: ${state}`);
    }
    if (fabric.bgp?.bfd) {
      // Unnumbered sessions run over the port's IPv6 link-local address: bfdd names their peer by the interface.
      const bfd = (bfdPeers ?? []).find((p) => (iface.peerAddress ? p.peer === iface.peerAddress : p.interface === iface.name));
      if (bfd?.status !== 'up') problems.push(`${sw.name} BFD session ${peer} to ${iface.peer} ${iface.peerInterface}: ${bfd?.status ?? (bfdPeers ? 'absent' : 'bfdd not answering')}`);
    }
  }
  const unlearned = fabric.switches.filter((o) => o.asn !== sw.asn && !(`${o.loopback}/32` in (underlay ?? {}))).map((o) => o.name);
  if (unlearned.length > 0) problems.push(`${sw.name} has no route to the loopbacks of ${unlearned.join(', ')}`);
  // Hypervisors' underlay /32s: the leaf routes its own to the host port (interfaces.sh), BGP carries the others.
  const unreached = fabric.hosts
    .filter((h) => (h.leaf === sw.name || asnOf.get(h.leaf) !== sw.asn) && !(`${h.address}/32` in (underlay ?? {})))
    .map((h) => h.name);
  if (unreached.length > 0) problems.push(`${sw.name} has no route to the underlay addresses of hypervisors ${unreached.join(', ')}`);
  vpcs.forEach((vpc, i) => {
    const l3 = vnis?.[String(vpc.l3Vni)];
    if (!l3 || l3.vxlanIf === 'None' || !l3.tenantVrf || l3.tenantVrf === 'Unknown') problems.push(`${sw.name} L3 VNI ${vpc.l3Vni} (VRF ${vpc.vrf}) not up`);
    for (const subnet of subnetsServedBy(vpc, sw)) {
      const remote = new Set(vnis?.[String(subnet.vni)]?.remoteVteps ?? []);
      const missing = subnet.leaves.filter((l) => asnOf.get(l) !== sw.asn && !remote.has(loopbackOf.get(l) ?? ''));
      if (missing.length > 0) problems.push(`${sw.name} L2 VNI ${subnet.vni} (${vpc.name}/${subnet.name}) has no remote VTEP for ${missing.join(', ')}`);
    }
    const routes = vrfRoutes[i] ?? {};
    // A routed next hop without a router MAC is a route the kernel cannot forward on (zebra has been seen to miss
    // one of an ECMP default route's VTEPs for a while): wait for it rather than probe a half-programmed VRF.
    const withMac = new Set(Object.values(rmacs[i] ?? {}).flatMap((e) => (typeof e === 'object' && e !== null && 'vtepIp' in e ? [String(e.vtepIp)] : [])));
    const noMac = [...new Set(vtepNextHops(routes, vpc.l3Bridge))].filter((ip) => !withMac.has(ip)).sort();
    if (noMac.length > 0) problems.push(`${sw.name} VRF ${vpc.vrf} (L3 VNI ${vpc.l3Vni}) has no router MAC for VTEP ${noMac.join(', ')}`);
    // A subnet without VMs is served by no leaf, so no leaf announces it.
    for (const subnet of vpc.subnets) if (subnet.leaves.length > 0 && !(subnet.cidr in routes)) problems.push(`${sw.name} VRF ${vpc.vrf} has no route to ${subnet.cidr} (${vpc.name}/${subnet.name})`);
    // The border leaves' default-originate: every other VTEP's VRF leads north-south traffic to them.
    const borders = vpc.leaves.filter((l) => l !== sw.name && asnOf.get(l) !== sw.asn && fabric.switches.some((s) => s.name === l && s.role === 'border'));
    if (sw.role !== 'border' && borders.length > 0 && !('0.0.0.0/0' in routes)) problems.push(`${sw.name} VRF ${vpc.vrf} has no default route to ${borders.join(', ')}`);
  });
  return problems;
}

/** Polls until converged, router MACs included; resolves with the seconds it took, or rejects naming what is still down. */
export async function waitForConvergence(labDir: string, ir: TopologyIR, timeoutSeconds: number): Promise<number> {
  return (await waitUntilSettled(labDir, ir, timeoutSeconds, Infinity)).seconds;
}

export interface Settled {
  readonly seconds: number;
  /** Router MACs still missing once everything else was up for `graceSeconds`: next hops whose traffic the kernel drops. */
  readonly lostRouterMacs: readonly string[];
}

/**
 * Like waitForConvergence, but a missing router MAC does not hold the lab back for ever: once everything else is up,
 * router MACs get `graceSeconds` to arrive (zebra has been seen to take half a minute under load), and those still
 * missing then are returned rather than waited for. FRR 8.4's zebra loses them for good: when bgpd replaces an EVPN
 * route whose next hops keep a VTEP (ECMP over two leaves becoming one, or back), zebra deletes that VTEP's router MAC
 * and next-hop entry although the new route still leads there (its `debug zebra vxlan` log in the lab VM: `RMAC ...
 * delete`, then RTM_DELNEIGH for the VTEP on the L3 VNI bridge; only VTEPs new to the route keep theirs). It happens
 * far more often under emulation, where bgpd's updates arrive spread out; a deployment on FRR 8.4 is exposed alike.
 */
export async function waitUntilSettled(labDir: string, ir: TopologyIR, timeoutSeconds: number, graceSeconds: number): Promise<Settled> {
  const started = Date.now();
  let onlyMacsSince: number | undefined;
  for (;;) {
    const { others, routerMacs } = await fabricProblems(labDir, ir);
    const seconds = (Date.now() - started) / 1000;
    if (others.length === 0 && routerMacs.length === 0) return { seconds, lostRouterMacs: [] };
    if (others.length === 0) {
      onlyMacsSince ??= Date.now();
      if (Date.now() - onlyMacsSince >= graceSeconds * 1000) return { seconds, lostRouterMacs: routerMacs };
    } else onlyMacsSince = undefined;
    if (Date.now() - started > timeoutSeconds * 1000) {
      throw new ConvergenceTimeout(`BGP and EVPN did not converge within ${timeoutSeconds} s; not up:\n${[...others, ...routerMacs].map((p) => `  - ${p}`).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A LabError: the CLI prints it as it prints every other lab problem. */
export class ConvergenceTimeout extends LabError {}

interface RouteJson {
  readonly selected?: boolean;
  readonly nexthops?: readonly { readonly ip?: string; readonly interfaceName?: string }[];
}

/** The remote VTEPs the VRF's selected routes lead to: next hops on the L3 VNI bridge. */
function vtepNextHops(routes: Record<string, unknown>, l3VniBridge: string): string[] {
  return Object.values(routes).flatMap((entries) =>
    (Array.isArray(entries) ? (entries as RouteJson[]) : [])
      .filter((r) => r.selected)
      .flatMap((r) => (r.nexthops ?? []).filter((n) => n.ip && n.interfaceName === l3VniBridge).map((n) => n.ip as string)),
  );
}
