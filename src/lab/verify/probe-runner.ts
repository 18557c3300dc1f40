// Sends real packets: listeners in the destination namespaces, one connector per probe in the source namespace, every pid recorded.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { LabStateFile } from '../lab-state.js';
import { startTimeOf, stopProcess } from '../lab-processes.js';
import { netnsPath } from '../netns.js';
import type { LabEndpoint } from './probe-endpoints.js';
import { NODE_AGENT, PYTHON_ICMP } from './probe-agent-source.js';
import type { PlannedProbe, Verdict } from './intent-prediction.js';
import type { TenantVrfs } from '../lab-plan-types.js';
import { LabError } from '../lab-error.js';

export interface ResolvedProbe {
  readonly probe: PlannedProbe;
  readonly from: LabEndpoint;
  readonly to: LabEndpoint;
}

export interface ProbeOutcome {
  readonly probe: PlannedProbe;
  /** `skipped` when the lab cannot send this probe (the reason is in `detail`). */
  readonly observed: Verdict | 'skipped';
  readonly detail: string;
  /** The address an external source used, picked from its range. */
  readonly sourceAddress?: string;
}

interface AgentResult {
  readonly ok: boolean;
  readonly detail: string;
}

/** ICMP echo needs a raw socket, which Node lacks; Debian's python3 has one (and comes with frr-pythontools). */
const PYTHON = ['/usr/bin/python3', '/usr/local/bin/python3'].find((p) => existsSync(p));

export async function runProbes(state: LabStateFile, labDir: string, probes: readonly ResolvedProbe[], options: { timeoutMs: number; concurrency: number; tenantVrfs?: TenantVrfs }): Promise<ProbeOutcome[]> {
  const agentDir = join(labDir, 'lab');
  mkdirSync(agentDir, { recursive: true });
  const agent = join(agentDir, 'probe-agent.mjs');
  writeFileSync(agent, NODE_AGENT);
  const icmp = join(agentDir, 'probe-icmp.py');
  writeFileSync(icmp, PYTHON_ICMP);
  const listeners = await startListeners(state, agent, probes);
  try {
    return await mapLimited(probes, options.concurrency, async (r): Promise<ProbeOutcome> => {
      const { probe, from, to } = r;
      if ('skip' in from) return { probe, observed: 'skipped', detail: `source: ${from.skip}` };
      if ('skip' in to) return { probe, observed: 'skipped', detail: `destination: ${to.skip}` };
      const leak = crossesVpcPeering(probe, options.tenantVrfs);
      if (leak) return { probe, observed: 'skipped', detail: leak };
      const spec = `${probe.proto}:${probe.port}`;
      if (probe.proto !== 'icmp' && listeners.busy.get(to.netns)?.includes(spec)) {
        return { probe, observed: 'skipped', detail: `${probe.proto.toUpperCase()} ${probe.port} is already taken in ${to.netns} (a tunnel socket), so no listener can answer` };
      }
      if (probe.proto === 'icmp' && !PYTHON) return { probe, observed: 'skipped', detail: 'ICMP echo needs python3 (/usr/bin/python3)' };
      const attempt = (source: string | undefined, target: string): Promise<AgentResult> => {
        const bind = probe.sourcePort === undefined ? (source ?? '-') : `${source ?? ''}:${probe.sourcePort}`;
        const argv =
          probe.proto === 'icmp'
            ? [PYTHON as string, icmp, target, source ?? '-', String(options.timeoutMs)]
            : [process.execPath, agent, 'connect', probe.proto, target, String(probe.port), bind, String(options.timeoutMs)];
        return runAgent(from.netns, argv, options.timeoutMs + 5000);
      };
      const spread = spreadAttempts(from, to);
      if (spread.length === 0) {
        const result = await attempt(from.bind, to.address);
        return { probe, observed: result.ok ? 'allow' : 'deny', detail: result.detail, ...(from.bind ? { sourceAddress: from.bind } : {}) };
      }
      // One after another: a fixed source port cannot be bound twice at once.
      const results: AgentResult[] = [];
      for (const [source, target] of spread) results.push(await attempt(source, target));
      return spreadOutcome(probe, spread, results);
    });
  } finally {
    for (const p of listeners.records) {
      stopProcess(p, 1000);
      state.setProcess((q) => q.pid === p.pid, undefined);
    }
  }
}

/**
 * With several border leaves an outside end has several addresses (probe-endpoints.ts): one attempt from (or to) each,
 * so that the fabric's ECMP hash sends the flows, and their replies, through every border leaf. Empty: one attempt.
 */
function spreadAttempts(from: Extract<LabEndpoint, { netns: string }>, to: Extract<LabEndpoint, { netns: string }>): [string | undefined, string][] {
  if (from.binds) return from.binds.map((b) => [b, to.address]);
  if (to.binds) return to.binds.map((b) => [from.bind, b]);
  return [];
}

/** Allowed when every attempt got through, denied when none did; a mix differs from any prediction but `either`. */
function spreadOutcome(probe: PlannedProbe, spread: readonly [string | undefined, string][], results: readonly AgentResult[]): ProbeOutcome {
  const through = results.filter((r) => r.ok).length;
  const each = spread.map(([s, t], i) => `${s ?? 'here'} -> ${t}: ${results[i]?.detail ?? 'no answer'}`).join('; ');
  const detail = `${through} of ${results.length} attempts got through (${each})`;
  const observed: Verdict = through === results.length ? 'allow' : through === 0 ? 'deny' : probe.predicted === 'allow' ? 'deny' : 'allow';
  return { probe, observed, detail };
}

async function startListeners(state: LabStateFile, agent: string, probes: readonly ResolvedProbe[]) {
  const wanted = new Map<string, Set<string>>();
  for (const { probe, to } of probes) {
    if ('skip' in to || probe.proto === 'icmp') continue;
    let set = wanted.get(to.netns);
    if (!set) wanted.set(to.netns, (set = new Set()));
    // An outside with several addresses: UDP echoes must leave from the address probed (see probe-agent-source.ts).
    set.add(`${probe.proto}:${probe.port}${probe.proto === 'udp' && to.binds ? `@${to.binds.join(',')}` : ''}`);
  }
  const records: { role: 'listener'; device: string; netns: string; pid: number; startTime?: number }[] = [];
  const busy = new Map<string, string[]>();
  for (const [netns, ports] of wanted) {
    const child = spawn('nsenter', [`--net=${netnsPath(netns)}`, process.execPath, agent, 'listen', ...ports], { stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.pid === undefined) throw new LabError(`cannot start a listener in ${netns}`);
    // nsenter without --pid execs the program, so this pid is the listener itself.
    const record = { role: 'listener' as const, device: netns, netns, pid: child.pid, startTime: startTimeOf(child.pid) };
    records.push(record);
    state.addProcess(record);
    const ready = (await firstLine(child, 10_000)) as { busy?: string[] } | undefined;
    if (!ready) throw new LabError(`the listener in ${netns} did not start`);
    busy.set(netns, ready.busy ?? []);
    child.unref();
  }
  return { records, busy };
}

function runAgent(netns: string, argv: readonly string[], killAfterMs: number): Promise<AgentResult> {
  const child = spawn('nsenter', [`--net=${netnsPath(netns)}`, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return firstLine(child, killAfterMs).then((line) => {
    clearTimeout(timer);
    return (line as AgentResult | undefined) ?? { ok: false, detail: 'the probe gave no answer' };
  });
}

function firstLine(child: ChildProcess, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line));
      } catch {
        resolve(undefined);
      }
    });
    child.once('exit', () => setTimeout(() => resolve(undefined), 50));
  });
}

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  });
  await Promise.all(workers);
  return out;
}

/**
 * Where the kernel has no VRF device the lab realises each tenant VRF as a network namespace, and a packet cannot be
 * leaked from one namespace's routing table into another's as `import vrf` leaks between VRF devices. So a probe
 * between two VPCs cannot be realised there, peered or not (between unpeered VPCs a lab without the leaks would deny
 * for the wrong reason); it is reported as not probed, with this reason, rather than as a disagreement. With VRF
 * devices (the plan's `tenantVrfs`) the lab runs `import vrf` as generated, and such probes are sent like any other.
 */
export function crossesVpcPeering(probe: Pick<PlannedProbe, 'from' | 'to'>, tenantVrfs: TenantVrfs = 'namespaces'): string | undefined {
  if (tenantVrfs === 'devices') return undefined;
  const vpcOf = (e: PlannedProbe['from']): string | undefined => (e.kind === 'vm' || e.kind === 'pod' ? e.vpc : undefined);
  const a = vpcOf(probe.from);
  const b = vpcOf(probe.to);
  if (a === undefined || b === undefined || a === b) return undefined;
  return `goes from VPC ${a} to VPC ${b}: with tenant VRFs as network namespaces the lab cannot carry a packet from one VRF into another (that needs VRF devices and \`import vrf\`)`;
}
