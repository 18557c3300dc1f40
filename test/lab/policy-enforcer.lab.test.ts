// NetworkPolicy enforcement in the lab: nothing stands in without an enforcer in the outputs; with kube-network-policies, its semantics.
import { describe, expect, it } from 'vitest';
import { planLab } from '../../src/lab/lab-plan.js';
import { networkPolicyRuleset } from '../../src/lab/network-policy-agent.js';
import { describeDifferences } from '../../src/lab/lab-differences.js';
import type { ClusterIR } from '../../src/ir/cluster-ir.js';
import { asRoot, expectVerifyAgrees, withVerifiedLab } from './lab-run.js';
import { compileExample } from './lab-fixtures.js';

const POLICY_NONE = new URL('../../examples/policy-none.yaml', import.meta.url).pathname;
const NODES_REACH_PODS = new URL('../../examples/nodes-reach-pods.yaml', import.meta.url).pathname;

const observed = (rows: readonly { intent: { name: string }; outcomes: readonly { observed: string }[] }[]) =>
  rows.map((r) => [r.intent.name, r.outcomes.map((o) => o.observed)]);

describe('NetworkPolicy enforcer in the lab', { timeout: 240_000 }, () => {
  it("kube-network-policies: a pod's own node passes both ways unjudged, other nodes are judged", () => {
    const example = compileExample(NODES_REACH_PODS);
    const cluster = example.ir.clusters[0] as ClusterIR;
    const plan = planLab({ lab: 'pen', ir: example.ir, files: new Set(example.outputs.map((f) => f.path)), vlanStandIns: true, outsideAddresses: [] });
    const api = plan.pods.find((p) => p.pod === 'api-0')!;
    const node = cluster.nodes.find((n) => n.name === 'k8s-2')!;
    const other = cluster.nodes.find((n) => n.name === 'k8s-1')!;
    const ingress = networkPolicyRuleset(cluster, plan.pods, api)?.split('chain ingress {')[1]?.split('\n\t}')[0] ?? '';
    expect(ingress).toContain(`ip saddr { ${node.bridgeAddress.split('/')[0]}, ${node.vtepAddress.split('/')[0]}, ${node.address} } accept`);
    expect(ingress).not.toContain(other.vtepAddress.split('/')[0]);
    expect(ingress.trim().endsWith('drop')).toBe(true);
  });

  it('policy none: the lab stands in for nothing and says nothing about NetworkPolicies', () => {
    const example = compileExample(POLICY_NONE);
    expect(example.outputs.find((f) => f.path === 'k8s/demo/kube-network-policies.yaml')?.contents).not.toContain('kind:');
    const plan = planLab({ lab: 'pnone', ir: example.ir, files: new Set(example.outputs.map((f) => f.path)), vlanStandIns: true, outsideAddresses: [] });
    const lines = describeDifferences(plan, { vrf: true, vlan: true, bridgeConntrack: true } as never, { unchanged: [], replaced: [], podPolicies: 0, inTenants: [] }, []);
    expect(lines.some((l) => l.startsWith('NetworkPolicies'))).toBe(false);
  });

  asRoot('policy none: lab verify observes the violations check predicts, with no policy enforced in the pods', async () => {
    await withVerifiedLab('pnone', POLICY_NONE, (verified) => {
      expectVerifyAgrees(verified);
      expect(observed(verified.rows)).toEqual([
        ['web-not-to-api', ['allow']],
        ['web-not-to-db', ['allow']],
      ]);
    });
  });

  asRoot('kube-network-policies: nodes reach their own pods despite default-deny, other nodes and pods are denied, VMs unrouted', async () => {
    await withVerifiedLab('npods', NODES_REACH_PODS, (verified) => {
      expectVerifyAgrees(verified);
      expect(observed(verified.rows)).toEqual([
        ['node-reaches-own-pod', ['allow']],
        ['node-reaches-remote-pod', ['allow']],
        ['remote-node-not-to-api', ['deny']],
        ['web-not-to-api', ['deny']],
        // The agent on k8s-1 is judged (deny), the one on k8s-2 is api's own node (allow): the violation check reports.
        ['agent-not-to-api', ['deny', 'allow']],
        ['vm-not-to-pod', ['deny']],
      ]);
    });
  });
});
