// Decides every intent over all its paths: the verdict, whether it holds, and the paths and deciding rules behind it.
import type { IntentSpec, Spec } from '../../spec/spec-types.js';
import type { DataPath } from '../../source/data-path.js';
import type { PathModel } from '../paths/path-model.js';
import type { Flow, FlowPath, FlowProto } from '../paths/path-types.js';
import { parsePortRanges } from '../../ir/port-ranges.js';
import type { TopologyIR } from '../../ir/topology-ir.js';

export interface IntentResult {
  readonly name: string;
  readonly expect: 'allow' | 'deny';
  /** `allow` when every path lets the traffic through; `deny` when any path stops it (or none exists). */
  readonly verdict: 'allow' | 'deny';
  readonly holds: boolean;
  /** Every path considered, for every port probed. */
  readonly paths: readonly FlowPath[];
  /** The paths that make the intent fail (empty when it holds). */
  readonly counterexamples: readonly FlowPath[];
  /** Why there is nothing to decide, when an endpoint resolves to no instance. */
  readonly empty?: string;
  readonly origin: DataPath;
}

/** The protocols an intent stands for: `any` is decided for TCP and UDP (and ICMP without ports). */
function protocols(intent: IntentSpec): FlowProto[] {
  const proto = intent.proto ?? 'any';
  if (proto !== 'any') return [proto];
  return intent.ports ? ['tcp', 'udp'] : ['tcp', 'udp', 'icmp'];
}

/**
 * Ports probed. Every filter is constant between the port boundaries some rule names, so probing the start of
 * each such segment inside the intent's ports decides all of them: an intent without ports covers 1-65535.
 */
function ports(intent: IntentSpec, cuts: readonly number[]): number[] {
  const ranges = parsePortRanges(intent.ports);
  const wanted = ranges.length === 0 ? [{ from: 1, to: 65535 }] : ranges;
  const out = new Set<number>();
  for (const r of wanted) {
    out.add(r.from);
    for (const c of cuts) if (c > r.from && c <= r.to) out.add(c);
  }
  return [...out].sort((a, b) => a - b);
}

/** Segment starts of every port set a filter in the topology names (rule ranges [a, b] start segments at a and b+1). */
export function portCuts(ir: TopologyIR): number[] {
  const cuts = new Set<number>();
  const add = (from: number, to: number): void => {
    cuts.add(from);
    if (to < 65535) cuts.add(to + 1);
  };
  for (const fw of ir.firewalls) for (const r of fw.rules) for (const p of r.ports) add(p.from, p.to);
  for (const vpc of ir.overlay.vpcs) for (const g of vpc.securityGroups) for (const r of [...g.ingress, ...(g.egress ?? [])]) for (const p of r.ports) add(p.from, p.to);
  for (const c of ir.clusters) {
    add(c.cni.port, c.cni.port);
    for (const pol of c.policyModel.networkPolicies) {
      for (const rule of [...pol.ingress, ...pol.egress]) for (const p of rule.ports) if (typeof p.port === 'number') add(p.port, p.endPort ?? p.port);
    }
    for (const pod of c.policyModel.pods) for (const cp of pod.containerPorts) add(cp.containerPort, cp.containerPort);
  }
  add(4789, 4789);
  return [...cuts].sort((a, b) => a - b);
}

const evaluated = new WeakMap<PathModel, IntentResult[]>();

/** Memoised per path model (one per compiled topology): the check command and several rules all ask. */
export function evaluateIntents(spec: Spec, ir: TopologyIR, model: PathModel): IntentResult[] {
  let results = evaluated.get(model);
  if (!results) evaluated.set(model, (results = evaluateAll(spec, ir, model)));
  return results;
}

function evaluateAll(spec: Spec, ir: TopologyIR, model: PathModel): IntentResult[] {
  const cuts = portCuts(ir);
  return (spec.intents ?? []).map((intent, i) => {
    const origin: DataPath = ['intents', i];
    const sources = model.instances(intent.from);
    const targets = model.instances(intent.to);
    const flows: Flow[] = protocols(intent).flatMap((proto): Flow[] => (proto === 'icmp' ? [{ proto }] : ports(intent, cuts).map((port) => ({ proto, port }))));
    const paths = sources.flatMap((s) => targets.filter((t) => t.name !== s.name).flatMap((t) => flows.flatMap((f) => model.paths(s, t, f))));
    const empty = sources.length === 0 ? 'the source matches nothing' : targets.length === 0 ? 'the destination matches nothing' : paths.length === 0 ? 'no pair of distinct endpoints' : undefined;
    const verdict = paths.length > 0 && paths.every((p) => p.verdict === 'allow') ? 'allow' : 'deny';
    const counterexamples = paths.filter((p) => p.verdict !== intent.expect);
    const holds = empty ? intent.expect === 'deny' : counterexamples.length === 0;
    return { name: intent.name, expect: intent.expect, verdict, holds, paths, counterexamples, ...(empty ? { empty } : {}), origin };
  });
}
