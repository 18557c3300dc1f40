// `thrice lab up`: stands the compiled topology up in namespaces with real FRR, recording everything in the state file first.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFile } from '../emit/emitter.js';
import type { TopologyIR } from '../ir/topology-ir.js';
import type { Spec } from '../spec/spec-types.js';
import type { LabPlan } from './lab-plan-types.js';
import { type LabState, LabStateFile, emptyState, readState } from './lab-state.js';
import { checkLabDir, makeDirectory, missingAncestors } from './lab-directory.js';
import { labDown } from './lab-down.js';
import { LabError, LabUsageError } from './lab-error.js';
import { findLeftovers, removeNamespaces } from './lab-leftovers.js';
import { MAX_MARK_BYTES, labMark } from './netns.js';
import { count } from './count.js';
import { planLab } from './lab-plan.js';
import { blockedForFrr, checkRequirements, frrUser } from './requirements.js';
import { type KernelFeatures, REQUIRED, probeKernel } from './kernel-features.js';
import { writeOutputDir } from '../cli/write-output-dir.js';
import { THRICE_VERSION } from '../cli/version.js';
import { attachOutside, attachPods, attachVms, createLinks, createNamespaces, runScripts } from './lab-build.js';
import { prepareTenantDir, tenantDir } from './tenant-namespaces.js';
import { loadFilters } from './lab-filters.js';
import { socketPathProblem, startFrrDaemons } from './frr-daemons.js';
import { analysisPredictor, type IntentPredictor } from './verify/intent-prediction.js';
import { outsideAddressPlan } from './verify/probe-endpoints.js';
import { describeDifferences } from './lab-differences.js';
import { kernelShortfall, shortfallAdvice } from './kernel-needs.js';
import { timedStep } from './timed-step.js';

export const PLAN_FILE = 'lab-plan.json';

export interface LabUpInput {
  readonly name: string;
  readonly dir: string;
  /** Absolute path of the spec, recorded so that `verify` reads the same file. */
  readonly specPath: string;
  readonly specText: string;
  readonly spec: Spec;
  readonly ir: TopologyIR;
  readonly outputs: readonly OutputFile[];
  readonly predictor?: IntentPredictor;
  readonly progress: (line: string) => void;
}

export interface LabUpResult {
  readonly state: LabState;
  readonly plan: LabPlan;
  readonly features: KernelFeatures;
  readonly seconds: number;
}

export function specHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function labUp(input: LabUpInput): LabUpResult {
  const started = Date.now();
  const { progress, dir, ir } = input;
  const step = timedStep(progress);
  // What the user asked for is checked first: a --dir the lab may not use is a usage error, whatever the machine has.
  checkLabDir(dir);
  const socketProblem = socketPathProblem(dir, ir.fabric?.switches.map((s) => s.name) ?? []);
  if (socketProblem) throw new LabUsageError(socketProblem);
  if (Buffer.byteLength(labMark(input.name, dir)) > MAX_MARK_BYTES) throw new LabUsageError(`the lab directory ${dir} is too long to mark the lab's namespaces with; pick a shorter --dir`);
  const missing = checkRequirements({ capture: false }).filter((r) => !r.ok);
  if (missing.length > 0) throw new LabError(`the lab needs:\n${missing.map((r) => `  - ${r.what}: ${r.fix}`).join('\n')}`);
  const frr = frrUser();
  const blocked = frr && blockedForFrr(dir, frr);
  if (blocked) throw new LabUsageError(`FRR's daemons run as user frr, which cannot reach ${dir}: ${blocked.dir} has mode ${blocked.mode}; pick another --dir (or chmod o+x ${blocked.dir})`);
  recoverPrevious(input.name, dir, progress);

  // The state file exists before anything else of the lab, the kernel probe's namespace included.
  const parents = missingAncestors(dir);
  makeDirectory(dir, parents);
  const state = new LabStateFile(dir, emptyState({ name: input.name, dir, spec: input.specPath, specHash: specHash(input.specText) }, parents));
  const { features, plan, user } = prepare(state, input);
  const outDir = join(dir, 'out');
  // The outputs exactly as `thrice compile -o` writes them, which the lab then runs from.
  step(() => `compiled ${count(input.outputs.length, 'file')} into ${outDir}`, () => writeOutputDir(outDir, input.outputs, `thrice ${THRICE_VERSION} lab`));
  writeFileSync(join(dir, PLAN_FILE), JSON.stringify(plan, null, 2) + '\n');

  const ofKind = (kind: string): number => plan.namespaces.filter((n) => n.kind === kind).length;
  step(
    () => `namespaces: ${count(ofKind('switch'), 'switch', 'switches')}, ${count(ofKind('host'), 'host')}, ${count(ofKind('vm'), 'VM')}, ${count(ofKind('pod'), 'pod')}, ${ofKind('outside')} outside`,
    () => createNamespaces(state, plan),
  );
  step(() => `cables: ${count(plan.links.length, 'veth pair')} (${summarise(plan.links.map((l) => l.kind))})`, () => createLinks(plan));
  if (plan.fabricScripts.some((r) => r.tenants)) prepareTenantDir(state, tenantDir(dir));
  step(
    () => `switches and hosts: ${summarise(plan.fabricScripts.map((r) => r.script.split('/').pop() ?? ''))} run unchanged`,
    () => runScripts(state, dir, outDir, plan.fabricScripts),
  );
  step(() => `VM ports: ${plan.vmAttachments.length} moved into ${plan.vmAttachments.length === 1 ? 'its VM' : 'their VMs'}`, () => attachVms(plan));
  step(() => `VMs: ${summarise(plan.vmScripts.map((r) => r.script.split('/').pop() ?? ''))} run unchanged`, () => runScripts(state, dir, outDir, plan.vmScripts));
  step(() => `pods: ${plan.pods.length} attached to cni0`, () => attachPods(plan));
  const outsideLines = step(
    () => `outside: ${plan.outside.map((o) => `${count(o.addresses.length, 'address', 'addresses')} behind ${o.tenantNetns ?? `${o.borderNetns} VRF ${o.vrf}`} ${o.borderPort}`).join('; ') || 'none'}`,
    () => attachOutside(plan, tenantDir(dir)),
  );
  const filters = step(
    (r) =>
      `filters: ${count(r.unchanged.length, 'ruleset')} as emitted, ${r.inTenants.length} of them also in border tenant namespaces, ${count(r.replaced.length, 'stand-in')}, NetworkPolicies on ${count(r.podPolicies, 'pod')}`,
    () => loadFilters(plan, ir, outDir, dir, features),
  );
  const frrAdjusted = step(
    (r) => `FRR: zebra${plan.frr.some((f) => f.bfd) ? ', bfdd' : ''} and bgpd on ${count(plan.frr.length, 'switch', 'switches')}${r.length > 0 ? ` (${r.length} frr.conf without \`import vrf\`)` : ''}`,
    () => startFrrDaemons(state, plan.frr, outDir, dir, user),
  );
  state.update(() => ({ phase: 'up', differences: describeDifferences(plan, features, filters, outsideLines, frrAdjusted) }));
  return { state: state.state, plan, features, seconds: (Date.now() - started) / 1000 };
}

/** The probe, then the plan: pure but for the probe, so a refusal here removes the directory and state just made. */
function prepare(state: LabStateFile, input: LabUpInput): { features: KernelFeatures; plan: LabPlan; user: { uid: number; gid: number } } {
  try {
    const features = probeKernel(state);
    const absent = REQUIRED.filter(([key]) => !features[key]);
    if (absent.length > 0) throw new LabError(`this kernel lacks what the lab needs:\n${absent.map(([, why]) => `  - ${why}`).join('\n')}`);
    input.progress(`  kernel: ${describeKernel(features)}`);
    const advice = shortfallAdvice(kernelShortfall(input.ir, features));
    if (advice) input.progress(`  ${advice}`);
    // Planning is pure: a topology the lab cannot stand up is refused before anything is created.
    const predictions = (input.predictor ?? analysisPredictor)(input.spec, input.ir);
    const outside = [...new Set([...outsideAddressPlan(input.ir, predictions).values()].flat())];
    const plan = planLab({ lab: input.name, ir: input.ir, files: new Set(input.outputs.map((f) => f.path)), vlanStandIns: !features.vlan, outsideAddresses: outside, tenantVrfs: features.vrf ? 'devices' : 'namespaces' });
    const user = frrUser();
    if (!user) throw new LabError('the frr user is missing');
    return { features, plan, user };
  } catch (error) {
    // The refusal is what the user must see; anything down could not remove is still recorded for `lab down`.
    try {
      labDown(state.state);
    } catch {}
    throw error;
  }
}

/**
 * A lab recorded in the directory (a crash, or `up` twice) is taken down first, exactly as recorded; then namespaces
 * marked as this lab's that no state records (the state was lost, or an older thrice leaked its kernel probe).
 */
export function recoverPrevious(name: string, dir: string, progress: (line: string) => void): void {
  const previous = readState(dir);
  if (previous) {
    progress(`  a lab is recorded in ${dir} (${previous.phase}); taking it down first`);
    const report = labDown(previous);
    if (report.left.length > 0) throw new LabError(`could not remove the previous lab: ${report.left.join(', ')}`);
  }
  const { ours } = findLeftovers(name, dir, new Set(), true);
  if (ours.length === 0) return;
  progress(`  ${count(ours.length, 'namespace')} of lab ${name} that no state records (${ours.join(', ')}); deleting ${ours.length === 1 ? 'it' : 'them'} first`);
  const left = removeNamespaces(ours);
  if (left.length > 0) throw new LabError(`could not delete what an earlier lab ${name} left: ${left.join(', ')}`);
}

/** What the kernel has, and for each missing optional feature what the lab does instead. */
function describeKernel(f: KernelFeatures): string {
  const missing: [boolean, string][] = [
    [f.vrf, 'no vrf devices (tenant VRFs become namespaces)'],
    [f.dummy, 'no dummy devices (loopbacks are on lo anyway)'],
    [f.vlan, 'no 802.1Q (each VLAN of a trunk becomes a veth pair)'],
    [f.bridgeConntrack, 'no bridge conntrack (security groups load in the VMs)'],
  ];
  const absent = missing.filter(([ok]) => !ok).map(([, what]) => what);
  return absent.length === 0 ? 'veth, bridge, vxlan, nftables, vrf, dummy, 802.1Q and bridge conntrack: the outputs run as emitted' : ['veth, bridge, vxlan and nftables', ...absent].join('; ');
}

function tally(counts: Map<string, number>, key: string | undefined): Map<string, number> {
  if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function summarise(kinds: readonly string[]): string {
  return [...kinds.reduce(tally, new Map<string, number>())].map(([k, n]) => `${n} ${k}`).join(', ');
}
