// The lab plan of the three-layer example: every namespace, cable, script and daemon, decided without root.
import { describe, expect, it } from 'vitest';
import { planLab } from '../../src/lab/lab-plan.js';
import { LabError } from '../../src/lab/lab-error.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import { compileExample } from './lab-fixtures.js';

const example = compileExample();
const files = new Set(example.outputs.map((f) => f.path));
const contents = new Map(example.outputs.map((f) => [f.path, f.contents]));
const plan = (vlanStandIns = true, ir: TopologyIR = example.ir) => planLab({ lab: 'lt', ir, files, vlanStandIns, outsideAddresses: ['203.0.113.10'] });

describe('lab plan of examples/three-layer.yaml', () => {
  const p = plan();
  const names = new Set(p.namespaces.map((n) => n.name));

  it('has a namespace per switch, host, VM and placed pod, and one outside per VPC of the border leaf', () => {
    const count = (kind: string) => p.namespaces.filter((n) => n.kind === kind).length;
    expect([count('switch'), count('host'), count('vm'), count('outside')]).toEqual([6, 3, 6, 2]);
    // web-0, web-1, api-0 from the spec and prometheus from the imported manifest; the host-network agent has none.
    const pods = p.namespaces.filter((n) => n.kind === 'pod').map((n) => n.device).sort();
    expect(pods.filter((d) => d.startsWith('prod/shop/'))).toEqual(['prod/shop/api-0', 'prod/shop/web-0', 'prod/shop/web-1']);
    expect(pods.filter((d) => d.startsWith('prod/monitoring/prometheus-'))).toHaveLength(1);
    expect(pods).toHaveLength(4);
    expect(names.size).toBe(p.namespaces.length);
  });

  it('wires every fabric cable and host uplink exactly as the wiring table lists it', () => {
    const wiring = (contents.get('fabric/wiring.csv') ?? '').trim().split('\n').slice(1).map((row) => row.split(',').slice(0, 4).join(' '));
    const cables = p.links.filter((l) => l.kind === 'fabric' || l.kind === 'host-uplink');
    const fabric = cables.map((l) => `${l.a.netns.slice(3)} ${l.a.ifname} ${l.b.netns.slice(3)} ${l.b.ifname}`);
    expect(fabric.sort()).toEqual(wiring.sort());
  });

  it('puts every link end in a namespace of the lab, never twice on one name', () => {
    const ends = p.links.flatMap((l) => [l.a, l.b]);
    for (const e of ends) expect(names.has(e.netns), e.netns).toBe(true);
    const keys = ends.map((e) => `${e.netns}/${e.ifname}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('stands in a veth pair for each VLAN the host scripts trunk, named as the scripts expect', () => {
    for (const host of ['hv1', 'hv2', 'hv3']) {
      const script = contents.get(`hosts/${host}/setup.sh`) ?? '';
      const expected = [...script.matchAll(/^ensure_link '(eth0\.\d+)' link 'eth0' type vlan /gm)].map((m) => m[1]);
      expect(expected.length, host).toBeGreaterThan(0);
      const standIns = p.links.filter((l) => l.kind === 'vlan-stand-in' && l.b.netns === `lt-${host}`).map((l) => l.b.ifname);
      expect(standIns.sort()).toEqual(expected.sort());
    }
    expect(plan(false).links.some((l) => l.kind === 'vlan-stand-in')).toBe(false);
  });

  it('runs the generated scripts in order: interfaces, overlays (with the tenant directory), hosts; then VMs, then pod overlays', () => {
    const order = p.fabricScripts.map((r) => r.script.split('/').pop());
    expect(order.indexOf('overlay-netns.sh')).toBeGreaterThan(order.lastIndexOf('interfaces.sh'));
    expect(order.indexOf('setup.sh')).toBeGreaterThan(order.lastIndexOf('overlay-netns.sh'));
    expect(p.fabricScripts.filter((r) => r.tenants).map((r) => r.netns)).toEqual(['lt-border1', 'lt-leaf1', 'lt-leaf2', 'lt-leaf3']);
    const vmOrder = p.vmScripts.map((r) => r.script.split('/').pop());
    expect(vmOrder.indexOf('pod-overlay.sh')).toBeGreaterThan(vmOrder.lastIndexOf('setup.sh'));
  });

  it('moves each VM port the host script leaves behind into its VM', () => {
    const k8s2 = p.vmAttachments.find((a) => a.vm === 'k8s-2');
    expect(k8s2).toEqual({ vm: 'k8s-2', hostNetns: 'lt-hv2', vmNetns: 'lt-k8s-2', hostEnd: 'vmport0-vm', vmInterface: 'eth0' });
    expect(contents.get('hosts/hv2/setup.sh')).toContain("peer name 'vmport0-vm'");
  });

  it('starts FRR upper tier first, with tenant VRFs named as frr.conf names them', () => {
    expect(p.frr.map((f) => f.switch).slice(0, 2)).toEqual(['spine1', 'spine2']);
    const leaf1 = p.frr.find((f) => f.switch === 'leaf1');
    expect(leaf1?.tenants).toEqual([
      { vrf: 'blue', netns: 'leaf1--blue' },
      { vrf: 'green', netns: 'leaf1--green' },
    ]);
    for (const t of leaf1?.tenants ?? []) expect(contents.get('fabric/leaf1/frr.conf')).toContain(`vrf ${t.vrf}\n`);
    expect(p.frr.find((f) => f.switch === 'spine1')?.tenants).toEqual([]);
  });

  it('gives the border leaf its tenant VRFs, as the leaves', () => {
    expect(p.frr.find((f) => f.switch === 'border1')?.tenants).toEqual([
      { vrf: 'blue', netns: 'border1--blue' },
      { vrf: 'green', netns: 'border1--green' },
    ]);
  });

  it('plugs each VPC\'s outside into the border leaf\'s tenant namespace on its lowest free port, which the border ruleset matches', () => {
    const common = { border: 'border1', borderPort: 'swp1', outsidePort: 'eth0', addresses: ['203.0.113.10'], ruleset: 'nftables/border1.nft' };
    expect(p.outside).toEqual([
      { ...common, vpc: 'blue', vrf: 'blue', netns: 'lt-outside.border1.blue', tenantNetns: 'border1--blue', vpcCidr: '10.1.0.0/16' },
      { ...common, vpc: 'green', vrf: 'green', netns: 'lt-outside.border1.green', tenantNetns: 'border1--green', vpcCidr: '10.2.0.0/16' },
    ]);
    const nft = contents.get('nftables/border1.nft') ?? '';
    expect(nft).toMatch(/iifname "swp\*" iifname != \{ "swp63", "swp64" \} jump fw_edge/);
    expect(contents.get('fabric/border1/overlay-netns.sh')).toContain("\nensure_tenant 'border1--blue'\n");
    expect(contents.get('fabric/border1/overlay-netns.sh')).toContain("\nensure_tenant 'border1--green'\n");
    // Made after overlay-netns.sh, in the tenant namespace: no cable of the plan, and no swp1 on the border leaf itself.
    expect(p.links.flatMap((l) => [l.a, l.b]).some((e) => e.netns === 'lt-border1' && e.ifname === 'swp1')).toBe(false);
  });

  it('loads each nftables file in its device, and knows which VMs a hypervisor guards', () => {
    expect(p.rulesets.map((r) => r.device)).toEqual(['border1', 'hv1', 'hv2', 'hv3', 'spine1', 'spine2']);
    expect(p.rulesets.find((r) => r.device === 'hv2')?.guardedVms.map((v) => v.vm)).toEqual(['k8s-2', 'pg-1']);
  });

  it('gives pods the node bridge as gateway and the cluster MTU', () => {
    const web0 = p.pods.find((x) => x.pod === 'web-0');
    expect(web0).toMatchObject({ nodeNetns: 'lt-k8s-1', address: '10.244.0.2', prefixLength: 24, gateway: '10.244.0.1' });
    expect(web0?.mtu).toBe(example.ir.clusters[0]?.cni.mtu);
  });

  it('refuses a topology where two devices would share a namespace', () => {
    const ir: TopologyIR = { ...example.ir, overlay: { ...example.ir.overlay, vms: example.ir.overlay.vms.map((v) => (v.name === 'pg-1' ? { ...v, name: 'hv1' } : v)) } };
    expect(() => plan(true, ir)).toThrow(LabError);
    expect(() => plan(true, ir)).toThrow(/host hv1 and vm hv1 would share namespace lt-hv1/);
  });
});

describe('the outside with two border leaves', () => {
  it('is one namespace per VPC, attached to every border leaf on a port of its own', () => {
    const two = compileExample(new URL('../../examples/two-borders.yaml', import.meta.url).pathname);
    const planned = planLab({ lab: 'lt', ir: two.ir, files: new Set(two.outputs.map((f) => f.path)), vlanStandIns: true, outsideAddresses: ['203.0.113.10'] });
    expect(planned.outside.map((o) => [o.netns, o.tenantNetns, o.borderPort, o.outsidePort, o.ruleset])).toEqual([
      ['lt-outside.border1.shop', 'border1--shop', 'swp1', 'eth0', 'nftables/border1.nft'],
      ['lt-outside.border1.shop', 'border2--shop', 'swp1', 'eth1', 'nftables/border2.nft'],
    ]);
    expect(planned.namespaces.filter((n) => n.kind === 'outside').map((n) => n.name)).toEqual(['lt-outside.border1.shop']);
  });
});

describe('lab plan of examples/three-layer.yaml with VRF devices', () => {
  const ns = plan();
  const p = planLab({ lab: 'lt', ir: example.ir, files, vlanStandIns: false, outsideAddresses: ['203.0.113.10'], tenantVrfs: 'devices' });

  it('says how tenant VRFs are realised, namespaces unless told', () => {
    expect(ns.tenantVrfs).toBe('namespaces');
    expect(p.tenantVrfs).toBe('devices');
  });

  it('runs overlay.sh as emitted, plainly in the leaf namespace, where namespace mode runs overlay-netns.sh', () => {
    const overlays = p.fabricScripts.filter((r) => /overlay/.test(r.script));
    expect(overlays).toEqual(['border1', 'leaf1', 'leaf2', 'leaf3'].map((l) => ({ netns: `lt-${l}`, script: `fabric/${l}/overlay.sh` })));
    for (const r of overlays) expect(files.has(r.script), r.script).toBe(true);
    expect(p.fabricScripts.some((r) => r.tenants || r.script.endsWith('overlay-netns.sh'))).toBe(false);
    // Only the overlay differs: same namespaces, interfaces.sh before it, hosts after it.
    expect(p.fabricScripts.map((r) => r.script.replace('overlay.sh', 'overlay-netns.sh'))).toEqual(ns.fabricScripts.map((r) => r.script));
    expect(p.namespaces.filter((n) => n.kind !== 'outside')).toEqual(ns.namespaces.filter((n) => n.kind !== 'outside'));
  });

  it('gives zebra no tenant namespaces: FRR\'s default VRF backend finds the VRF devices overlay.sh makes', () => {
    expect(p.frr.map((f) => f.switch)).toEqual(ns.frr.map((f) => f.switch));
    for (const f of p.frr) expect(f.tenants, f.switch).toEqual([]);
    expect(contents.get('fabric/leaf1/overlay.sh')).toContain("ensure_link 'blue' type vrf table");
  });

  it('plugs each VPC\'s outside into the border leaf itself, one free port per VPC, for the VRF device to enslave', () => {
    const common = { border: 'border1', borderNetns: 'lt-border1', outsidePort: 'eth0', addresses: ['203.0.113.10'], ruleset: 'nftables/border1.nft' };
    expect(p.outside).toEqual([
      { ...common, vpc: 'blue', vrf: 'blue', netns: 'lt-outside.border1.blue', borderPort: 'swp1', vpcCidr: '10.1.0.0/16' },
      { ...common, vpc: 'green', vrf: 'green', netns: 'lt-outside.border1.green', borderPort: 'swp2', vpcCidr: '10.2.0.0/16' },
    ]);
    // Both are ports the border ruleset sends through its edge firewall, and neither is a cable of the plan.
    expect(contents.get('nftables/border1.nft')).toMatch(/iifname "swp\*" iifname != \{ "swp63", "swp64" \} jump fw_edge/);
    expect(p.links.flatMap((l) => [l.a, l.b]).some((e) => e.netns === 'lt-border1' && /^swp[12]$/.test(e.ifname))).toBe(false);
    // The outside namespaces are the same either way.
    expect(p.namespaces.filter((n) => n.kind === 'outside')).toEqual(ns.namespaces.filter((n) => n.kind === 'outside'));
  });

  it('leaves the rest of the plan as namespace mode has it', () => {
    expect(p.rulesets).toEqual(ns.rulesets);
    expect(p.pods).toEqual(ns.pods);
    expect(p.vmScripts).toEqual(ns.vmScripts);
    expect(p.vmAttachments).toEqual(ns.vmAttachments);
    expect(p.links).toEqual(plan(false).links);
  });
});

describe('the outside with two border leaves and VRF devices', () => {
  it('attaches each border leaf in its own namespace, eth0 and eth1 of one outside namespace', () => {
    const two = compileExample(new URL('../../examples/two-borders.yaml', import.meta.url).pathname);
    const planned = planLab({ lab: 'lt', ir: two.ir, files: new Set(two.outputs.map((f) => f.path)), vlanStandIns: true, outsideAddresses: ['203.0.113.10'], tenantVrfs: 'devices' });
    expect(planned.outside.map((o) => [o.netns, o.borderNetns, o.tenantNetns, o.borderPort, o.outsidePort, o.ruleset])).toEqual([
      ['lt-outside.border1.shop', 'lt-border1', undefined, 'swp1', 'eth0', 'nftables/border1.nft'],
      ['lt-outside.border1.shop', 'lt-border2', undefined, 'swp1', 'eth1', 'nftables/border2.nft'],
    ]);
  });
});
