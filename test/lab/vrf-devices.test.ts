// With VRF devices (a kernel that has them), the lab probes between VPCs and describes no tenant-namespace stand-ins; no root needed.
import { describe, expect, it } from 'vitest';
import { planLab } from '../../src/lab/lab-plan.js';
import { crossesVpcPeering } from '../../src/lab/verify/probe-runner.js';
import { labEndpoint } from '../../src/lab/verify/probe-endpoints.js';
import { describeDifferences } from '../../src/lab/lab-differences.js';
import type { KernelFeatures } from '../../src/lab/kernel-features.js';
import type { PlannedProbe } from '../../src/lab/verify/intent-prediction.js';
import { compileExample } from './lab-fixtures.js';

const example = compileExample();
const files = new Set(example.outputs.map((f) => f.path));
const planOf = (tenantVrfs: 'devices' | 'namespaces', vlanStandIns: boolean) =>
  planLab({ lab: 'lt', ir: example.ir, files, vlanStandIns, outsideAddresses: ['203.0.113.10'], tenantVrfs });

const vm = (name: string, vpc: string) => ({ kind: 'vm' as const, name: `vm ${name}`, address: '10.0.0.1', vm: name, vpc, subnet: 's', host: 'hv1', leaf: 'leaf1' });
const probe = (from: ReturnType<typeof vm>, to: ReturnType<typeof vm>): PlannedProbe => ({ intent: 'i', from, to, proto: 'tcp', port: 443, predicted: 'allow', pathKinds: ['cross-leaf'] });

describe('probes between VPCs', () => {
  const across = probe(vm('batch-1', 'green'), vm('k8s-2', 'blue'));

  it('are sent with VRF devices, skipped with tenant VRFs as namespaces', () => {
    expect(crossesVpcPeering(across, 'devices')).toBeUndefined();
    expect(crossesVpcPeering(across, 'namespaces')).toMatch(/^goes from VPC green to VPC blue: /);
    expect(crossesVpcPeering(across)).toMatch(/^goes from VPC green to VPC blue: /);
  });

  it('resolve to their namespaces in either mode: the mode decides in the probe runner, not here', () => {
    const outside = new Map<string, readonly string[]>();
    for (const mode of ['devices', 'namespaces'] as const) {
      expect(labEndpoint(planOf(mode, mode === 'namespaces'), across.from, outside, across.to)).toEqual({ netns: 'lt-batch-1', address: '10.0.0.1' });
    }
  });
});

describe('the differences described on a kernel with VRF devices, 802.1Q and bridge conntrack', () => {
  const all: KernelFeatures = { veth: true, bridge: true, vxlan: true, nftables: true, vrf: true, dummy: true, vlan: true, bridgeConntrack: true };
  const p = planOf('devices', false);
  const filters = { unchanged: p.rulesets.map((r) => r.device), replaced: [], podPolicies: 0, inTenants: [], outsideZones: ['swp1 of border1 (VRF blue) : zone 1'] };
  const lines = describeDifferences(p, all, filters, ['lt-border1 (VRF blue): veth swp1 to lt-outside.border1.blue eth0, ...'], []);

  it('holds no stand-in for VRFs, route leaking, VLANs or security groups', () => {
    const text = lines.join('\n');
    expect(text).not.toMatch(/overlay-netns\.sh|namespace VRF backend|tenant namespace|import vrf|802\.1Q|security group/);
  });

  it('holds what truly differs: the outside (on the VRF device, its port in the conntrack zone), pods, DAD and FRR paths', () => {
    expect(lines.find((l) => l.startsWith('the outside:'))).toMatch(/enslaved to the VPC's VRF device.*swp1 of border1 \(VRF blue\) : zone 1/s);
    expect(lines.some((l) => l.startsWith('pods:'))).toBe(true);
    expect(lines.some((l) => /duplicate address detection is off/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('FRR: '))).toBe(true);
    expect(lines).toHaveLength(4);
  });

  it('keeps describing the stand-ins in namespace mode', () => {
    const ns = planOf('namespaces', true);
    const text = describeDifferences(ns, { ...all, vrf: false, vlan: false }, { unchanged: [], replaced: [], podPolicies: 0, inTenants: ['nftables/border1.nft in border1--blue'] }, ['x'], ['fabric/border1/frr.conf without `import vrf`']).join('\n');
    expect(text).toMatch(/overlay-netns\.sh runs instead of overlay\.sh/);
    expect(text).toMatch(/VRF route leaking/);
    expect(text).toMatch(/802\.1Q/);
    expect(text).toMatch(/border leaf's tenant namespace/);
  });
});
