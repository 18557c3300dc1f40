// Probes across a VPC peering are reported as not probed: namespace VRFs cannot leak routes between each other.
import { describe, expect, it } from 'vitest';
import { crossesVpcPeering } from '../../src/lab/verify/probe-runner.js';
import type { PlannedProbe } from '../../src/lab/verify/intent-prediction.js';

const vm = (name: string, vpc: string) => ({ kind: 'vm' as const, name: `vm ${name}`, address: '10.0.0.1', vm: name, vpc, subnet: 's', host: 'hv1', leaf: 'leaf1' });
const probe = (from: ReturnType<typeof vm>, to: ReturnType<typeof vm>): PlannedProbe => ({ intent: 'i', from, to, proto: 'tcp', port: 443, predicted: 'allow', pathKinds: ['cross-leaf'] });

describe('probes across a VPC peering', () => {
  it('are skipped with the reason when the two ends are in different VPCs', () => {
    expect(crossesVpcPeering(probe(vm('batch-1', 'green'), vm('k8s-2', 'blue')))).toMatch(/from VPC green to VPC blue/);
  });
  it('are sent when both ends are in one VPC', () => {
    expect(crossesVpcPeering(probe(vm('k8s-1', 'blue'), vm('k8s-2', 'blue')))).toBeUndefined();
  });
});
