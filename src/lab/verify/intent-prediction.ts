// What `lab verify` checks: per intent, the analysis's verdict and one probe per path it decided, each with its own verdict.
import type { Spec } from '../../spec/spec-types.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import type { EndpointInstance, FlowProto, PathKind } from '../../analysis/paths/path-types.js';
import { createPathModel } from '../../analysis/paths/create-path-model.js';
import { evaluateIntents } from '../../analysis/intents/evaluate-intents.js';

export type Verdict = 'allow' | 'deny';

export interface PlannedProbe {
  readonly intent: string;
  readonly from: EndpointInstance;
  readonly to: EndpointInstance;
  readonly proto: FlowProto;
  readonly port?: number;
  /** A source port the analysis found that matters (a reflexive border passes a datagram from it as a reply). */
  readonly sourcePort?: number;
  /** `either` when the analysis found paths with both verdicts (ECMP): any observation agrees. */
  readonly predicted: Verdict | 'either';
  readonly pathKinds: readonly PathKind[];
}

export interface IntentPrediction {
  readonly name: string;
  readonly expect: Verdict;
  readonly predicted: Verdict;
  readonly probes: readonly PlannedProbe[];
  /** Why nothing can be probed (an endpoint matching nothing). */
  readonly empty?: string;
}

/** The interface verify is written against; the analysis is one implementation, tests bring their own. */
export type IntentPredictor = (spec: Spec, ir: TopologyIR) => readonly IntentPrediction[];

/** Predictions of the path model behind `thrice check`: the same verdicts, one probe per (source, destination, flow). */
export const analysisPredictor: IntentPredictor = (spec, ir) =>
  evaluateIntents(spec, ir, createPathModel(ir)).map((result) => {
    const groups = new Map<string, { probe: Omit<PlannedProbe, 'predicted' | 'pathKinds'>; verdicts: Set<Verdict>; kinds: Set<PathKind> }>();
    for (const path of result.paths) {
      const sourcePort = path.crossing?.sourcePort;
      const key = `${path.from.name}\u0000${path.to.name}\u0000${path.proto}\u0000${path.port ?? ''}\u0000${sourcePort ?? ''}`;
      let group = groups.get(key);
      if (!group) {
        const probe = { intent: result.name, from: path.from, to: path.to, proto: path.proto, ...(path.port === undefined ? {} : { port: path.port }), ...(sourcePort === undefined ? {} : { sourcePort }) };
        groups.set(key, (group = { probe, verdicts: new Set(), kinds: new Set() }));
      }
      group.verdicts.add(path.verdict);
      group.kinds.add(path.kind);
    }
    const probes = [...groups.values()].map(({ probe, verdicts, kinds }): PlannedProbe => ({
      ...probe,
      predicted: verdicts.size === 1 ? ([...verdicts][0] as Verdict) : 'either',
      pathKinds: [...kinds],
    }));
    return { name: result.name, expect: result.expect, predicted: result.verdict, probes, ...(result.empty ? { empty: result.empty } : {}) };
  });
