// flannel's backends as they behave: what the VPC sees of pod traffic between nodes (wireguard, host-gw) and what rules make of it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPathModel } from '../../src/analysis/paths/create-path-model.js';
import type { FlowPath } from '../../src/analysis/paths/path-types.js';
import { check, compile } from '../helpers/run-pipeline.js';
import { compileExample } from '../lab/lab-fixtures.js';

const WIREGUARD = new URL('../../examples/wireguard.yaml', import.meta.url).pathname;
const HOST_GW = new URL('../../examples/host-gw.yaml', import.meta.url).pathname;

function webTo(spec: string, workload: string, port: number): FlowPath {
  const { ir } = compileExample(spec);
  const model = createPathModel(ir);
  const [from] = model.instances({ workload: 'prod/shop/web' });
  const [to] = model.instances({ workload: `prod/shop/${workload}` });
  if (!from || !to) throw new Error('no pods');
  const [path] = model.paths(from, to, { proto: 'tcp', port });
  if (!path) throw new Error('no path');
  return path;
}

/** Every check on the path as `layer at: kind name verdict (kind of header judged, its port)`. */
function checksOf(path: FlowPath): string[] {
  return path.hops.flatMap((h) => h.checks.map((c) => `${h.layer} ${h.at}: ${c.kind} ${c.verdict} (${c.sees.kind} ${c.sees.dport})`));
}

function findings(text: string): string[] {
  return check(text, 'spec.yaml').diagnostics.map((d) => `${d.code} ${d.location?.line}:${d.location?.column}`);
}

describe('wireguard backend', () => {
  it('carries pod traffic between nodes as UDP 51820 between the node VMs, judged so by every VPC filter', () => {
    const path = webTo(WIREGUARD, 'api', 9090);
    const node = path.hops.find((h) => h.layer === 'node');
    expect(node?.headers[0]).toMatchObject({ kind: 'flannel-wireguard', src: '10.1.1.2', dst: '10.1.1.3', proto: 'udp', dport: 51820 });
    expect(checksOf(path)).toEqual([
      'host hv1 vmport0: security-group-egress allow (flannel-wireguard 51820)',
      'host hv2 vmport0: security-group-ingress allow (flannel-wireguard 51820)',
      'vm k8s-2: firewall allow (flannel-wireguard 51820)',
    ]);
    expect(path.verdict).toBe('allow');
  });

  it('bypasses a rule on pod addresses at the node VM: it sees only the WireGuard header', () => {
    const path = webTo(WIREGUARD, 'db', 5432);
    const guard = path.hops.flatMap((h) => h.checks).find((c) => c.name === 'pod-guard');
    expect(guard?.verdict).toBe('allow');
    expect(guard?.bypassed.map((b) => b.at)).toEqual([['firewalls', 0, 'rules', 0]]);
    expect(path.verdict).toBe('allow');
  });

  it('reports the dead rule and the violated intent, and no VXLAN-only finding', () => {
    const found = findings(readFileSync(WIREGUARD, 'utf8'));
    expect(found).toContain('inner-address-at-encapsulated-hop 52:30');
    expect(found).toContain('intent-violated 64:5');
    for (const code of ['tunnel-port-permission', 'vxlan-port-exposed', 'unencrypted-overlay']) expect(found.join('\n')).not.toContain(code);
  });

  it('a security group without UDP 51820 between the nodes stops pod traffic, whatever it allows for pods', () => {
    const text = readFileSync(WIREGUARD, 'utf8').replace('{from: subnet:blue/nodes, proto: udp, ports: [51820]}', '{from: pods:prod, proto: tcp, ports: [9090]}');
    const result = check(text, 'wireguard.yaml');
    expect(result.intents.map((i) => [i.name, i.verdict])).toEqual([['web-reaches-api', 'deny'], ['web-not-to-db', 'deny']]);
  });

  it('follows cni.port as flannel ListenPort, and flannel\'s 80-byte overhead', () => {
    const text = readFileSync(WIREGUARD, 'utf8').replace('backend: wireguard,', 'backend: wireguard, port: 51000,');
    const ir = compile(text, 'wireguard.yaml').ir;
    const vmMtu = ir?.overlay.vms.find((v) => v.name === 'k8s-1')?.mtu ?? 0;
    expect(ir?.clusters[0]?.cni).toMatchObject({ port: 51000, device: 'flannel-wg', mtu: vmMtu - 80 });
    const outputs = compile(text, 'wireguard.yaml').outputs ?? [];
    const cfg = outputs.find((f) => f.path === 'k8s/prod/kube-flannel-cfg.yaml')?.contents ?? '';
    expect(cfg).toContain('"Type": "wireguard",\n        "ListenPort": 51000');
  });
});

describe('host-gw backend', () => {
  it('routes pod traffic unencapsulated: VPC filters judge the pods\' own header', () => {
    const path = webTo(HOST_GW, 'db', 5432);
    expect(checksOf(path)).toEqual([
      'host hv1 vmport0: security-group-egress allow (payload 5432)',
      'host hv2 vmport0: security-group-ingress allow (payload 5432)',
      'vm k8s-2: firewall deny (payload 5432)',
    ]);
    expect(path.hops.find((h) => h.layer === 'spine')?.headers.map((h) => h.kind)).toEqual(['vpc-vxlan', 'payload']);
  });

  it('does not report rules on pod addresses at VM, hypervisor and leaf placements as dead, and its intents hold', () => {
    expect(findings(readFileSync(HOST_GW, 'utf8')).filter((f) => !f.startsWith('bgp-session') && !f.startsWith('namespace-without'))).toEqual([]);
  });

  it('still reports a pod-address rule at the spines, where host-gw pod traffic is inside VPC VXLAN', () => {
    const text = readFileSync(HOST_GW, 'utf8').replace('at: vm:k8s-2', 'at: spines');
    expect(findings(text)).toContain('inner-address-at-encapsulated-hop 51:30');
  });
});
