// The lab's stand-in NetworkPolicy agent: per pod, nftables rules that allow exactly what the policies allow, and load.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { planLab } from '../../src/lab/lab-plan.js';
import { networkPolicyRuleset } from '../../src/lab/network-policy-agent.js';
import type { ClusterIR } from '../../src/ir/cluster-ir.js';
import { compileExample } from './lab-fixtures.js';
import { hasCommand, testNeeding } from '../emit/test-needing.js';

const example = compileExample();
const cluster = example.ir.clusters[0] as ClusterIR;
const plan = planLab({ lab: 'lt', ir: example.ir, files: new Set(example.outputs.map((f) => f.path)), vlanStandIns: true, outsideAddresses: [] });
const pod = (name: string) => {
  const found = plan.pods.find((p) => p.pod === name || p.pod.startsWith(`${name}-`));
  if (!found) throw new Error(`no pod ${name}`);
  return found;
};
const rules = (name: string) => networkPolicyRuleset(cluster, plan.pods, pod(name));
const chainOf = (text: string | undefined, chain: string) => text?.split(`chain ${chain} {`)[1]?.split('\n\t}')[0] ?? '';

describe('NetworkPolicy rules in pod namespaces (three-layer example)', () => {
  it('leaves a pod no policy selects alone', () => {
    expect(rules('prometheus')).toBeUndefined();
  });

  it("web's egress: only api on TCP 9090 (web-egress); DNS is allowed but no kube-dns pod runs, nothing else", () => {
    const egress = chainOf(rules('web-0'), 'egress');
    expect(egress).toContain(`ip daddr ${pod('api-0').address} tcp dport { 9090 } accept`);
    expect(egress.match(/ accept$/gm)).toHaveLength(4); // established, lo, its own node, api
    expect(egress.trim().endsWith('drop')).toBe(true);
  });

  it("web's ingress: prometheus on 8080 (the named port http) and 9090 only", () => {
    const ingress = chainOf(rules('web-0'), 'ingress');
    expect(ingress).toContain(`ip saddr ${pod('prometheus').address} tcp dport { 8080, 9090 } accept`);
    expect(ingress).not.toContain(`ip saddr ${pod('web-1').address} tcp`);
  });

  it("api's ingress: both web pods and prometheus on 9090 (api has no port named http)", () => {
    const ingress = chainOf(rules('api-0'), 'ingress');
    for (const from of ['web-0', 'web-1', 'prometheus']) expect(ingress).toContain(`ip saddr ${pod(from).address} tcp dport { 9090 } accept`);
  });

  const asRoot = testNeeding('root and nft', process.getuid?.() === 0 && hasCommand('nft') && hasCommand('unshare'));
  asRoot('every pod ruleset passes nft -c in a throwaway network namespace', () => {
    for (const p of plan.pods) {
      const text = networkPolicyRuleset(cluster, plan.pods, p);
      if (!text) continue;
      const r = spawnSync('unshare', ['--net', 'nft', '-c', '-f', '-'], { input: text, encoding: 'utf8' });
      expect(r.status, `${p.pod}: ${r.stderr}`).toBe(0);
    }
  });
});
