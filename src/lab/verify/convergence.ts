// Whether the fabric has converged: every BGP session up in both address families, every VNI knows its remote VTEPs, every subnet is routed.
import type { TopologyIR } from '../../ir/topology-ir.js';
import { vpcsServedBy, subnetsServedBy } from '../../emit/frr/served-vpcs.js';
import { vtysh } from '../frr-daemons.js';

interface SummaryJson {
  readonly [family: string]: { readonly peers?: Readonly<Record<string, { readonly state?: string }>> } | undefined;
}

interface VniJson {
  readonly [vni: string]: { readonly type?: string; readonly vxlanIf?: string; readonly tenantVrf?: string; readonly remoteVteps?: readonly string[] };
}

const FAMILIES = [
  ['ipv4Unicast', 'IPv4 unicast'],
  ['l2VpnEvpn', 'L2VPN EVPN'],
] as const;

/** What is not up yet, one line each, naming the switch and the session, VNI or prefix; empty when converged. */
export function convergenceProblems(labDir: string, ir: TopologyIR): string[] {
  const fabric = ir.fabric;
  if (!fabric) return [];
  const problems: string[] = [];
  const loopbackOf = new Map(fabric.switches.map((s) => [s.name, s.loopback]));
  for (const sw of fabric.switches) {
    const ask = <T>(command: string): T | undefined => {
      try {
        return JSON.parse(vtysh(labDir, sw.name, [command])) as T;
      } catch {
        return undefined;
      }
    };
    const summary = ask<SummaryJson>('show bgp summary json');
    for (const iface of sw.interfaces) {
      const peer = iface.peerAddress ?? iface.name;
      for (const [family, label] of FAMILIES) {
        const state = summary?.[family]?.peers?.[peer]?.state ?? (summary ? 'absent' : 'bgpd not answering');
        if (state !== 'Established') problems.push(`${sw.name} ${label} session ${peer} to ${iface.peer} ${iface.peerInterface}: ${state}`);
      }
    }
    const vpcs = vpcsServedBy(fabric, ir.overlay, sw);
    if (vpcs.length === 0) continue;
    const vnis = ask<VniJson>('show evpn vni json') ?? {};
    for (const vpc of vpcs) {
      const l3 = vnis[String(vpc.l3Vni)];
      if (!l3 || l3.vxlanIf === 'None' || !l3.tenantVrf || l3.tenantVrf === 'Unknown') problems.push(`${sw.name} L3 VNI ${vpc.l3Vni} (VRF ${vpc.vrf}) not up`);
      for (const subnet of subnetsServedBy(vpc, sw)) {
        const remote = new Set(vnis[String(subnet.vni)]?.remoteVteps ?? []);
        const missing = subnet.leaves.filter((l) => l !== sw.name && !remote.has(loopbackOf.get(l) ?? ''));
        if (missing.length > 0) problems.push(`${sw.name} L2 VNI ${subnet.vni} (${vpc.name}/${subnet.name}) has no remote VTEP for ${missing.join(', ')}`);
      }
      const routes = ask<Record<string, unknown>>(`show ip route vrf ${vpc.vrf} json`) ?? {};
      for (const subnet of vpc.subnets) if (!(subnet.cidr in routes)) problems.push(`${sw.name} VRF ${vpc.vrf} has no route to ${subnet.cidr} (${vpc.name}/${subnet.name})`);
    }
  }
  return problems;
}

/** Polls until converged; resolves with the seconds it took, or rejects naming what is still down. */
export async function waitForConvergence(labDir: string, ir: TopologyIR, timeoutSeconds: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const problems = convergenceProblems(labDir, ir);
    if (problems.length === 0) return (Date.now() - started) / 1000;
    if (Date.now() - started > timeoutSeconds * 1000) {
      throw new ConvergenceTimeout(`BGP and EVPN did not converge within ${timeoutSeconds} s; not up:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

export class ConvergenceTimeout extends Error {}
