// North-south paths over two border leaves: one per (first packet's border, reply's border), judged as the emitted rulesets would.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildTopology } from '../../src/compile/pipeline.js';
import { createPathModel } from '../../src/analysis/paths/create-path-model.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import type { FlowPath } from '../../src/analysis/paths/path-types.js';

const file = new URL('../../examples/two-borders.yaml', import.meta.url).pathname;
const compiled = buildTopology({ spec: { file, text: readFileSync(file, 'utf8') }, host: { readManifests: () => [] } });
const ir = compiled.ir as TopologyIR;

function paths(model: TopologyIR, from: string, to: string, proto: 'tcp' | 'udp', port: number): readonly FlowPath[] {
  const m = createPathModel(model);
  const [a] = m.instances(from.startsWith('external:') ? { external: from.slice(9) } : { vm: from.slice(3) });
  const [b] = m.instances(to.startsWith('external:') ? { external: to.slice(9) } : { vm: to.slice(3) });
  return m.paths(a!, b!, { proto, port });
}

const crossing = (p: FlowPath) => `${p.crossing?.forward}/${p.crossing?.reply}${p.crossing?.sourcePort ? `:${p.crossing.sourcePort}` : ''} ${p.verdict}`;

describe('north-south over two border leaves', () => {
  it('the border firewall is reflexive there, and each pair of borders is a path of its own with the reply judged where it crosses', () => {
    expect(ir.firewalls.map((f) => f.state)).toEqual(['reflexive']);
    const found = paths(ir, 'external:203.0.113.0/24', 'vm:web-1', 'tcp', 443);
    expect(found.map(crossing)).toEqual(['border1/border1 allow', 'border1/border2 allow', 'border2/border1 allow', 'border2/border2 allow']);
    for (const p of found) {
      const reply = p.hops.at(-1);
      expect(reply?.reply).toBe(true);
      expect(reply?.at).toBe(p.crossing?.reply);
    }
  });

  it('stateful borders (as a hand-edited ruleset would be) drop TCP replies through the other border only', () => {
    const stateful = { ...ir, firewalls: ir.firewalls.map((f) => ({ ...f, state: 'stateful' as const })) };
    expect(paths(stateful, 'vm:app-1', 'external:203.0.113.0/24', 'tcp', 443).map(crossing)).toEqual([
      'border1/border1 allow',
      'border1/border2 deny',
      'border2/border1 deny',
      'border2/border2 allow',
    ]);
  });

  it('a datagram from source port 53 passes inbound as a reply, which an ordinary source port does not', () => {
    const found = paths(ir, 'external:203.0.113.0/24', 'vm:app-1', 'udp', 5000);
    expect(found.map(crossing)).toEqual([
      'border1/border1 deny',
      'border1/border2 deny',
      'border2/border1 deny',
      'border2/border2 deny',
      'border1/border1:53 allow',
      'border1/border2:53 allow',
      'border2/border1:53 allow',
      'border2/border2:53 allow',
    ]);
  });

  it('one border leaf keeps state and a north-south flow has one path, as before', () => {
    const one = { ...ir, fabric: ir.fabric && { ...ir.fabric, switches: ir.fabric.switches.filter((s) => s.name !== 'border2') }, firewalls: ir.firewalls.map((f) => ({ ...f, state: 'stateful' as const, enforcedOn: ['border1'] })) };
    const found = paths(one, 'external:203.0.113.0/24', 'vm:web-1', 'tcp', 443);
    expect(found.map((p) => [p.crossing, p.verdict, p.hops.some((h) => h.reply)])).toEqual([[undefined, 'allow', false]]);
  });
});
