// Observations against predictions: per probe, per intent, and the table `lab verify` prints.
import { describe, expect, it } from 'vitest';
import type { EndpointInstance } from '../../src/analysis/paths/path-types.js';
import type { IntentPrediction, PlannedProbe } from '../../src/lab/verify/intent-prediction.js';
import type { ProbeOutcome } from '../../src/lab/verify/probe-runner.js';
import { observe, verifyTable } from '../../src/lab/verify/verify-report.js';

const vm = (name: string, address: string): EndpointInstance => ({ kind: 'vm', name: `vm ${name}`, address, vm: name, vpc: 'blue', subnet: 'nodes', host: 'hv1', leaf: 'leaf1' });
const probe = (predicted: PlannedProbe['predicted'], from = vm('a', '10.0.0.1')): PlannedProbe => ({ intent: 'i', from, to: vm('b', '10.0.0.2'), proto: 'tcp', port: 5432, predicted, pathKinds: ['cross-leaf'] });
const intent = (probes: PlannedProbe[], predicted: 'allow' | 'deny' = 'allow', expect: 'allow' | 'deny' = 'deny'): IntentPrediction => ({ name: 'nodes-not-to-db', expect, predicted, probes });
const outcome = (p: PlannedProbe, observed: ProbeOutcome['observed'], detail = 'x'): ProbeOutcome => ({ probe: p, observed, detail });

describe('lab verify report', () => {
  it('agrees when every probe is observed as predicted; the intent is violated as the analysis said', () => {
    const probes = [probe('allow'), probe('allow', vm('c', '10.0.0.3'))];
    const row = observe(intent(probes), probes.map((p) => outcome(p, 'allow')));
    expect(row.observed).toBe('allow');
    expect(row.differing).toEqual([]);
    expect(verifyTable([row])).toMatch(/nodes-not-to-db\s+deny\s+allow\s+allow\s+2\/2 agree\s+violated, as predicted/);
  });

  it('flags each probe observed differently, with its detail', () => {
    const probes = [probe('allow'), probe('allow', vm('c', '10.0.0.3'))];
    const row = observe(intent(probes), [outcome(probes[0]!, 'allow'), outcome(probes[1]!, 'deny', 'timeout')]);
    expect(row.observed).toBe('deny');
    expect(row.differing).toHaveLength(1);
    const table = verifyTable([row]);
    expect(table).toContain('DIFFERS from the analysis');
    expect(table).toContain('vm c -> vm b TCP 5432: predicted allow, observed deny (timeout)');
  });

  it('accepts either observation where the analysis found paths with both verdicts, and never compares a skipped probe', () => {
    const probes = [probe('either'), probe('deny', vm('c', '10.0.0.3'))];
    const row = observe(intent(probes, 'deny'), [outcome(probes[0]!, 'allow'), outcome(probes[1]!, 'skipped', 'no address')]);
    expect(row.differing).toEqual([]);
    expect(row.observed).toBe('allow');
    expect(verifyTable([row])).toContain('not probed: no address');
  });

  it('says n/a when nothing could be probed', () => {
    const probes = [probe('deny')];
    const row = observe(intent(probes, 'deny'), [outcome(probes[0]!, 'skipped')]);
    expect(row.observed).toBe('n/a');
    expect(verifyTable([row])).toContain('not probed');
  });
});
