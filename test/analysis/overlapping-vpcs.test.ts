// Unpeered VPCs on the same addresses: a reference into one VPC matches only its traffic, in the model and in the emitted nftables.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPathModel } from '../../src/analysis/paths/create-path-model.js';
import { nftablesEmitter } from '../../src/emit/nftables/nftables-emitter.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import { check, errorsOf } from '../helpers/run-pipeline.js';
import { compileExample } from '../lab/lab-fixtures.js';

const EXAMPLE = new URL('../../examples/overlapping-vpcs.yaml', import.meta.url).pathname;
const text = readFileSync(EXAMPLE, 'utf8');

function fileOf(ir: TopologyIR, device: string): string {
  const file = nftablesEmitter.emit(ir).find((f) => f.path === `nftables/${device}.nft`);
  if (!file) throw new Error(`no ruleset for ${device}`);
  return file.contents;
}

/** Every firewall check on the paths from the outside to a VM, as `verdict reason`. */
function edgeChecks(ir: TopologyIR, vm: string): string[] {
  const model = createPathModel(ir);
  const to = model.instances({ vm })[0];
  if (!to) throw new Error(`no VM ${vm}`);
  return model
    .instances({ external: '198.51.100.0/24' })
    .flatMap((from) => model.paths(from, to, { proto: 'tcp', port: 443 }))
    .flatMap((p) => p.hops.flatMap((h) => h.checks.filter((c) => c.kind === 'firewall').map((c) => `${c.verdict} ${c.sees.vpc}: ${c.reason}`)));
}

describe('overlapping VPCs', () => {
  const { ir } = compileExample(EXAMPLE);

  it('resolves a VM reference with its VPC, and a CIDR with none', () => {
    const rule = ir.firewalls[0]?.rules[0];
    expect(rule?.to).toEqual({ ref: 'vm:web-blue', cidrs: ['10.1.1.10/32'], vpcs: ['blue'] });
    expect(rule?.from.vpcs).toBeUndefined();
  });

  it('opens TCP 443 at the border to blue\'s VM only, not to red\'s on the same address', () => {
    expect(edgeChecks(ir, 'web-blue')).toEqual(['allow blue: first matching rule (1)']);
    expect(edgeChecks(ir, 'web-red')).toEqual([
      'deny red: no rule matches; default deny (rule 1 matches the addresses, but vm:web-blue means VPC blue there, and this is VPC red\'s traffic)',
    ]);
    expect(check(text, 'overlapping-vpcs.yaml').intents.map((i) => [i.name, i.verdict, i.holds])).toEqual([
      ['internet-reaches-blue', 'allow', true],
      ['internet-not-to-red', 'deny', true],
    ]);
  });

  it('emits the border rule once per interface that shows blue\'s traffic, and a conntrack zone per VPC', () => {
    const border = fileOf(ir, 'border1');
    const rule1 = border.split('\n').filter((l) => l.includes('comment "edge rule 1"')).map((l) => l.trim().split(' ip daddr')[0]);
    expect(rule1).toEqual(['iifname "br50001"', 'meta sdifname "br50001"', 'oifname "br50001"']);
    expect(border).toContain('elements = { "br50001" : 1, "br50002" : 2 }');
    expect(border).toContain('ct zone set iifname map @vpc_zone');
  });
});

describe('references into VPCs that are not peered', () => {
  /** Two unpeered VPCs on one CIDR, both on hv1; `extra` is appended (firewalls, security groups). */
  const spec = (groups: string, firewalls: string): string => `thrice: 1
name: t
fabric:
  loopbacks: 10.255.0.0/16
  asn: {spine: 65000, leaf: 65100-65999}
  spines: 1
  leaves: [{name: leaf1}, {name: border1, role: border}]
  hosts: [{name: hv1, leaf: leaf1}]
vpcs:
  - name: blue
    vni: 50001
    cidr: 10.1.0.0/16
    subnets: [{name: a, cidr: 10.1.1.0/24, vni: 10101}]
${groups}
    vms: [{name: b1, host: hv1, subnet: a, ip: 10.1.1.10, securityGroups: [g]}]
  - name: red
    vni: 50002
    cidr: 10.1.0.0/16
    subnets: [{name: a, cidr: 10.1.1.0/24, vni: 10201}]
    vms: [{name: r1, host: hv1, subnet: a, ip: 10.1.1.20}]
firewalls:
${firewalls}`;

  it('reports a security-group rule and a firewall rule that can match no VPC\'s traffic as dead', () => {
    const result = check(
      spec(
        '    securityGroups: [{name: g, ingress: [{from: vm:r1, proto: tcp, ports: [22]}, {from: subnet:blue/a, proto: tcp, ports: [22]}]}]',
        '  - {name: f, at: host:hv1, rules: [{action: deny, from: vm:b1, to: vm:r1}, {action: deny, from: vm:r1, to: 10.0.0.0/8}]}',
      ),
    );
    expect(errorsOf(result)).toEqual([]);
    const dead = result.diagnostics.filter((d) => d.code === 'firewall-rule-dead').map((d) => `${d.location?.line}:${d.location?.column}`);
    expect(dead).toEqual(['14:42', '22:37']);
  });

  it('scopes a hypervisor firewall rule to the VPC\'s ports there, and zones the hypervisor\'s connections per VPC', () => {
    const { ir } = compileExample(EXAMPLE);
    expect(ir.overlay.vpcs.map((v) => v.id)).toEqual([1, 2]);
    const result = check(spec('    securityGroups: [{name: g, ingress: [{from: any}]}]', '  - {name: f, at: host:hv1, rules: [{action: deny, from: vm:r1, to: any, proto: tcp, ports: [22]}]}'));
    if (!result.ir) throw new Error('no IR');
    const hv1 = fileOf(result.ir, 'hv1');
    const rule1 = hv1.split('\n').filter((l) => l.includes('comment "f rule 1"')).map((l) => l.trim());
    expect(rule1).toEqual([
      'iifname "vmport1" ip saddr 10.1.1.20/32 ip protocol tcp tcp dport 22 counter drop comment "f rule 1"',
      'oifname "vmport1" ip saddr 10.1.1.20/32 ip protocol tcp tcp dport 22 counter drop comment "f rule 1"',
    ]);
    expect(hv1).toContain('ct zone set iifname map { "eth0.2" : 1, "eth0.3" : 2, "vmport0" : 1, "vmport1" : 2 }');
  });
});

describe('which VPCs may overlap', () => {
  const vpc = (name: string, vni: number, cidr: string, peers: string): string => `  - name: ${name}
    vni: ${vni}
    cidr: ${cidr}
    subnets: [{name: a, cidr: ${cidr.replace('.0.0/16', '.1.0/24')}, vni: ${vni - 40000}}]
    peerings: [${peers}]
`;
  const spec = (vpcs: string): string => `thrice: 1\nname: t\nvpcs:\n${vpcs}`;

  it('lets unpeered VPCs overlap, but not two VPCs peered with a common one (its VRF would hold both)', () => {
    expect(errorsOf(check(spec(vpc('blue', 50001, '10.1.0.0/16', '') + vpc('red', 50002, '10.1.0.0/16', ''))))).toEqual([]);
    const chain = vpc('blue', 50001, '10.1.0.0/16', '{vpc: hub}') + vpc('red', 50002, '10.1.0.0/16', '{vpc: hub}') + vpc('hub', 50003, '10.9.0.0/16', '');
    expect(errorsOf(check(spec(chain)))).toEqual(['peered-cidr-overlap 11:11']);
  });
});

describe('shadowing across overlapping VPCs', () => {
  /** The example with its edge firewall's rules replaced (rules start on line 38). */
  const withRules = (rules: string): string => text.replace(/ {6}- \{action: allow, from: 0\.0\.0\.0\/0, to: vm:web-blue, proto: tcp, ports: \[443\]\}\n/, rules);
  const shadowed = (rules: string): string[] =>
    check(withRules(rules), 'overlapping-vpcs.yaml').diagnostics.filter((d) => d.code === 'firewall-rule-shadowed').map((d) => `${d.location?.line}:${d.location?.column}`);

  it('a rule on blue\'s VPC does not cover the same addresses written as a CIDR (red has them too); the CIDR covers the reference', () => {
    expect(shadowed('      - {action: deny, to: vpc:blue}\n      - {action: allow, to: 10.1.1.10/32}\n')).toEqual([]);
    expect(shadowed('      - {action: deny, to: 10.1.0.0/16}\n      - {action: allow, to: vm:web-blue}\n')).toEqual(['39:9']);
  });
});
