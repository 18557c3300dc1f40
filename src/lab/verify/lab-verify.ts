// `thrice lab verify`: wait for BGP and EVPN, probe every intent's paths with real packets, compare with the analysis.
import { join } from 'node:path';
import type { Spec } from '../../spec/spec-types.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import type { LabPlan } from '../lab-plan-types.js';
import type { LabStateFile } from '../lab-state.js';
import { LabError } from '../lab-error.js';
import { count, listed } from '../count.js';
import { deviceNetns } from '../lab-names.js';
import { checkRequirements } from '../requirements.js';
import { isRunning } from '../lab-processes.js';
import { analysisPredictor, type IntentPredictor, type PlannedProbe } from './intent-prediction.js';
import { labEndpoint, outsideAddressPlan } from './probe-endpoints.js';
import { type ProbeOutcome, type ResolvedProbe, runProbes } from './probe-runner.js';
import { type IntentObservation, observe } from './verify-report.js';
import { type Capture, captureAtSpines } from './capture.js';
import { waitUntilSettled } from './convergence.js';

export interface VerifyInput {
  readonly state: LabStateFile;
  readonly plan: LabPlan;
  readonly spec: Spec;
  readonly ir: TopologyIR;
  readonly predictor?: IntentPredictor;
  readonly timeoutSeconds: number;
  /** true: the first probe that crosses the spines; a string: the first such probe of that intent. */
  readonly capture?: string | true;
  readonly progress: (line: string) => void;
}

export interface VerifyResult {
  readonly convergedIn: number;
  /** Next hops without router MAC that verify probed past (see waitUntilSettled). */
  readonly lostRouterMacs: readonly string[];
  readonly rows: readonly IntentObservation[];
  readonly capture?: Capture & { readonly probe: string };
}

const PROBE_TIMEOUT_MS = 2500;
/** How long router MACs may lag everything else before verify probes without them (see waitUntilSettled). */
const ROUTER_MAC_GRACE_SECONDS = 45;
const CROSSES_SPINES = new Set(['cross-leaf', 'cross-pod']);

export async function labVerify(input: VerifyInput): Promise<VerifyResult> {
  const { state, plan, ir, progress } = input;
  const labDir = state.dir;
  const missing = checkRequirements({ capture: input.capture !== undefined }).filter((r) => !r.ok);
  if (missing.length > 0) throw new LabError(`verify needs:\n${missing.map((r) => `  - ${r.what}: ${r.fix}`).join('\n')}`);
  const dead = state.state.processes.filter((p) => (p.role === 'zebra' || p.role === 'bgpd') && !isRunning(p));
  if (dead.length > 0) throw new LabError(noLongerRunning(dead.map((p) => `${p.role} of ${p.device}`)));
  progress(`  waiting for BGP and EVPN (up to ${input.timeoutSeconds} s) ...`);
  const settled = await waitUntilSettled(labDir, ir, input.timeoutSeconds, ROUTER_MAC_GRACE_SECONDS);
  const convergedIn = settled.seconds;
  progress(`  converged: every session established, every loopback learned, every VNI sees its remote VTEPs, every subnet routed (${convergedIn.toFixed(1)} s)`);
  if (settled.lostRouterMacs.length > 0) {
    progress(
      `  WARNING: zebra holds routes via remote VTEPs whose router MAC it does not have (still missing ${ROUTER_MAC_GRACE_SECONDS} s after everything else was up), ` +
        'so the kernel drops what it sends that way; FRR 8.4\'s zebra loses a VTEP\'s router MAC when bgpd replaces an EVPN route through it, ' +
        'and a deployment on it would lose them alike. Probes that take these next hops show it:',
    );
    for (const p of settled.lostRouterMacs) progress(`    - ${p}`);
  }
  const predictions = (input.predictor ?? analysisPredictor)(input.spec, ir);
  const outside = outsideAddressPlan(ir, predictions);
  const resolve = (probe: PlannedProbe): ResolvedProbe => ({ probe, from: labEndpoint(plan, probe.from, outside, probe.to), to: labEndpoint(plan, probe.to, outside, probe.from) });
  const resolved = predictions.flatMap((p) => p.probes.map(resolve));
  progress(`  probing ${count(resolved.length, 'path')} of ${count(predictions.length, 'intent')} with real packets ...`);
  const outcomes = await runProbes(state, labDir, resolved, { timeoutMs: PROBE_TIMEOUT_MS, concurrency: 8, tenantVrfs: plan.tenantVrfs ?? 'namespaces' });
  let next = 0;
  const rows = predictions.map((intent) => observe(intent, outcomes.slice(next, (next += intent.probes.length))));
  if (input.capture === undefined) return { convergedIn, rows, lostRouterMacs: settled.lostRouterMacs };
  const wanted = captureCandidate(resolved, outcomes, input.capture);
  if (!wanted) throw new LabError(`no probe${typeof input.capture === 'string' ? ` of intent ${input.capture}` : ''} crosses the spines, so there is nothing to capture there`);
  const spines = (ir.fabric?.switches ?? []).filter((s) => s.role === 'spine' || s.role === 'super-spine').map((s) => ({ name: s.name, netns: deviceNetns(plan.name, s.name) }));
  const target = 'skip' in wanted.to ? wanted.probe.to.address : wanted.to.address;
  const capture = await captureAtSpines(state, spines, join(labDir, 'captures'), wanted.probe.intent, target, async () => {
    await runProbes(state, labDir, [wanted], { timeoutMs: PROBE_TIMEOUT_MS, concurrency: 1 });
  });
  return { convergedIn, rows, lostRouterMacs: settled.lostRouterMacs, capture: { ...capture, probe: `${wanted.probe.from.name} -> ${wanted.probe.to.name} ${wanted.probe.proto.toUpperCase()} ${wanted.probe.port ?? ''}`.trim() } };
}

export function noLongerRunning(daemons: readonly string[]): string {
  return `${listed(daemons)} ${daemons.length === 1 ? 'is' : 'are'} no longer running; \`thrice lab up\` again rebuilds the lab`;
}

/**
 * The probe worth seeing at a spine: one that crosses them and got through (a dropped one may never get there),
 * pod to pod first (three headers: VPC VXLAN, flannel VXLAN, the pods' packet), of the named intent if one is.
 */
function captureCandidate(resolved: readonly ResolvedProbe[], outcomes: readonly ProbeOutcome[], capture: string | true): ResolvedProbe | undefined {
  const candidates = resolved
    .map((r, i) => ({ r, observed: outcomes[i]?.observed }))
    .filter(({ r }) => (capture === true || r.probe.intent === capture) && r.probe.pathKinds.some((k) => CROSSES_SPINES.has(k)) && !('skip' in r.from) && !('skip' in r.to));
  const score = (c: (typeof candidates)[number]): number => (c.observed === 'allow' ? 2 : 0) + (c.r.probe.from.kind === 'pod' && c.r.probe.to.kind === 'pod' ? 1 : 0);
  return [...candidates].sort((a, b) => score(b) - score(a))[0]?.r;
}
