// Stateless ACLs judge a flow's replies on their own header: a default-deny leaf ACL that only allows the first packet breaks the connection.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildTopology } from '../../src/compile/pipeline.js';
import { createPathModel } from '../../src/analysis/paths/create-path-model.js';
import { replyHeader } from '../../src/analysis/paths/stateless-replies.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';

const file = new URL('../../examples/two-borders.yaml', import.meta.url).pathname;
const base = readFileSync(file, 'utf8').replace(/\nintents:[\s\S]*$/, '\n');

function modelWith(firewalls: string) {
  const text = base.replace('\nfirewalls:\n', `\nfirewalls:\n${firewalls}`);
  const built = buildTopology({ spec: { file, text }, host: { readManifests: () => [] } });
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return createPathModel(built.ir as TopologyIR);
}

function webToApp(firewalls: string) {
  const m = modelWith(firewalls);
  const [a] = m.instances({ vm: 'web-1' });
  const [b] = m.instances({ vm: 'app-1' });
  return m.paths(a!, b!, { proto: 'tcp', port: 8000 });
}

describe('replies at stateless ACLs', () => {
  it('a default-deny leaf ACL allowing only the first packet denies the flow at the reply', () => {
    const [path] = webToApp('  - {name: acl, at: leaf:leaf2, default: deny, rules: [{action: allow, to: vm:app-1, proto: tcp, ports: [8000]}]}\n');
    expect(path?.verdict).toBe('deny');
    const reply = path?.hops.filter((h) => h.reply) ?? [];
    expect(reply.map((h) => [h.at, h.checks.map((c) => c.verdict)])).toEqual([['leaf2', ['deny']]]);
    expect(reply[0]?.headers[0]).toMatchObject({ src: path?.to.address, dst: path?.from.address, proto: 'tcp' });
    expect(reply[0]?.headers[0]?.dport).toBeUndefined();
  });

  it('a rule for the replies (no ports: the client port is ephemeral) lets the connection through', () => {
    const [path] = webToApp(
      '  - {name: acl, at: leaf:leaf2, default: deny, rules: [{action: allow, to: vm:app-1, proto: tcp, ports: [8000]}, {action: allow, from: vm:app-1, proto: tcp}]}\n',
    );
    expect(path?.verdict).toBe('allow');
    expect(path?.hops.filter((h) => h.reply).map((h) => h.checks[0]?.decidedBy?.description)).toHaveLength(1);
  });

  it('VXLAN replies keep the well-known port, so a spine rule for UDP 4789 between loopbacks passes both directions', () => {
    const [path] = webToApp('  - {name: core, at: spines, default: deny, rules: [{action: allow, from: loopbacks, to: loopbacks, proto: udp, ports: [4789]}]}\n');
    expect(path?.verdict).toBe('allow');
    expect(replyHeader({ kind: 'vpc-vxlan', src: '10.255.0.3', dst: '10.255.0.4', proto: 'udp', dport: 4789, vni: 50001 })).toMatchObject({ src: '10.255.0.4', dst: '10.255.0.3', dport: 4789 });
  });

  it('a default-allow ACL whose rules do not touch the reply adds no reply hop', () => {
    const [path] = webToApp('  - {name: acl, at: leaf:leaf2, default: allow, rules: [{action: deny, to: vm:app-1, proto: tcp, ports: [22]}]}\n');
    expect(path?.verdict).toBe('allow');
    expect(path?.hops.some((h) => h.reply)).toBe(false);
  });
});
