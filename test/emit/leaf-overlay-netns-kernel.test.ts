// Runs every overlay-netns.sh for real (after interfaces.sh) in throwaway namespaces, twice, and reads the devices back.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { SwitchIR } from '../../src/ir/fabric-ir.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import { leafOverlayEmitter } from '../../src/emit/iproute2/leaf-overlay-emitter.js';
import { switchScriptEmitter } from '../../src/emit/iproute2/switch-script-emitter.js';
import { routerMacOf, subnetsServedBy, vpcsServedBy } from '../../src/emit/frr/served-vpcs.js';
import { compiledExamples, overlaySwitch, overlayTopology } from '../helpers/leaf-overlay-fixtures.js';
import { hasCommand, testNeeding } from './test-needing.js';
import {
  type IpLink,
  expectAnycastGateway,
  expectSuccess,
  ip,
  ipv4Of,
  linksOf,
  probeKernel,
  standInPeer,
  stateOf,
  subinterfacesOf,
  tcpProbe,
  withLeafLab,
} from './leaf-overlay-lab.js';

const isRoot = process.getuid?.() === 0;
const ready = isRoot && hasCommand('ip') && hasCommand('bridge') && hasCommand('nsenter');
const asRoot = testNeeding('root, iproute2 and nsenter (network namespaces)', ready);
const kernel = ready ? probeKernel() : { vrf: false, vlan: false };
const scripts = mkdtempSync(join(tmpdir(), 'thrice-overlay-netns-'));
afterAll(() => rmSync(scripts, { recursive: true, force: true }));

const VM_MTU = 9166;

/** Writes the leaf's interfaces.sh and overlay-netns.sh and returns their paths. */
function scriptsOf(ir: TopologyIR, sw: SwitchIR): { interfaces: string; overlay: string } {
  const pick = (files: { path: string; contents: string }[], path: string): string => {
    const file = files.find((f) => f.path === path);
    if (!file) throw new Error(`no ${path}`);
    const out = join(scripts, `${ir.name}-${sw.name}-${path.split('/').pop() ?? ''}`);
    writeFileSync(out, file.contents, { mode: 0o755 });
    return out;
  };
  return {
    interfaces: pick(switchScriptEmitter.emit(ir), `fabric/${sw.name}/interfaces.sh`),
    overlay: pick(leafOverlayEmitter.emit(ir), `fabric/${sw.name}/overlay-netns.sh`),
  };
}

function expectVxlan(link: IpLink | undefined, vni: number, local: string, bridge: string): void {
  expect(link?.linkinfo?.info_kind, `vxlan of VNI ${vni}`).toBe('vxlan');
  expect(link?.linkinfo?.info_data).toMatchObject({ id: vni, local, port: 4789, learning: false });
  expect(link?.linkinfo?.info_slave_data).toMatchObject({ learning: false, neigh_suppress: true });
  expect([link?.master, link?.mtu, link?.flags.includes('UP')]).toEqual([bridge, VM_MTU, true]);
}

function expectBridge(link: IpLink | undefined, mac: string, addresses: string[]): void {
  expect(link?.linkinfo?.info_kind).toBe('bridge');
  expect([link?.address, link?.mtu, link?.flags.includes('UP'), ipv4Of(link)]).toEqual([mac, VM_MTU, true, addresses]);
}

const topologies = [
  ['the overlay fixture', overlayTopology],
  ['examples/three-layer.yaml', (await compiledExamples()).find((e) => e.name === 'three-layer')?.ir],
] as const;

describe.each(topologies)('overlay-netns.sh of %s, in a network namespace per leaf', (_name, topology) => {
  if (!topology?.fabric) throw new Error('topology without fabric');
  const fabric = topology.fabric;
  for (const sw of fabric.switches.filter((s) => vpcsServedBy(fabric, topology.overlay, s).length > 0)) {
    asRoot(`${sw.name}: runs twice after interfaces.sh and builds every VNI inside its tenant namespace`, () => {
      const paths = scriptsOf(topology, sw);
      // 802.1Q is used for real where the kernel has it; otherwise veth pairs stand in for swpN.<vlan>.
      withLeafLab(topology, sw, { standIns: !kernel.vlan, tenantNamespaces: true }, (lab) => {
        expectSuccess(lab.run(paths.interfaces), 'interfaces.sh');
        const first = lab.run(paths.overlay);
        expectSuccess(first, 'overlay-netns.sh');
        for (const [vrf, netns] of lab.tenants) expect(first.stdout).toContain(`VRF ${vrf} of ${sw.name} is network namespace ${netns}`);
        const tenantState = () => [...lab.tenants.values()].map(stateOf);
        const after = { leaf: stateOf(lab.netns), tenants: tenantState() };
        expectSuccess(lab.run(paths.overlay), 'overlay-netns.sh, second run');
        expect({ leaf: stateOf(lab.netns), tenants: tenantState() }).toEqual(after);

        for (const vpc of vpcsServedBy(fabric, topology.overlay, sw)) {
          const netns = lab.tenants.get(vpc.vrf) ?? '';
          const links = linksOf(netns);
          expect(links.get('lo')?.flags).toContain('UP');
          expectVxlan(links.get(vpc.l3Vxlan), vpc.l3Vni, sw.loopback, vpc.l3Bridge);
          expectBridge(links.get(vpc.l3Bridge), routerMacOf(vpc, sw), []);
          for (const subnet of subnetsServedBy(vpc, sw)) {
            expectVxlan(links.get(subnet.vxlan), subnet.vni, sw.loopback, subnet.bridge);
            expectBridge(links.get(subnet.bridge), subnet.gatewayMac, [`${subnet.gateway}/${subnet.prefixLength}`]);
            expectAnycastGateway(netns, links, subnet, sw.name, routerMacOf(vpc, sw));
          }
          for (const sub of subinterfacesOf(topology, sw).filter((s) => s.tenant === vpc.vrf)) {
            const link = links.get(sub.name);
            expect([link?.master, link?.mtu, link?.flags.includes('UP')], sub.name).toEqual([sub.bridge, VM_MTU, true]);
            if (kernel.vlan) expect(link?.linkinfo).toMatchObject({ info_kind: 'vlan', info_data: { id: sub.vlan } });
          }
          const forwarding = spawnSync('ip', ['netns', 'exec', netns, 'sysctl', '-n', 'net.ipv4.ip_forward'], { encoding: 'utf8' });
          expect(forwarding.stdout.trim(), `ip_forward in ${netns}`).toBe('1');
        }
        // The underlay stays in the leaf's namespace: no VXLAN device is left there, yet their shared UDP
        // socket is (a VXLAN device keeps the namespace it was created in for its socket).
        const leafLinks = [...linksOf(lab.netns).values()];
        expect(leafLinks.filter((l) => l.linkinfo?.info_kind === 'vxlan').map((l) => l.ifname)).toEqual([]);
        const sockets = spawnSync('ip', ['netns', 'exec', lab.netns, 'ss', '-H', '-u', '-l', '-n'], { encoding: 'utf8' });
        expect(sockets.stdout).toMatch(/:4789\b/);
        // interfaces.sh gives host ports the fabric MTU: room for the VLAN subinterfaces of VM MTU.
        for (const port of sw.hostPorts) expect(leafLinks.find((l) => l.ifname === port.name)?.mtu, port.name).toBe(fabric.mtu);
      });
    });
  }
});

/** Plugs a VM into its leaf as a lab does: the stand-in veth's far end, in a namespace of its own. */
function plugVm(lab: { netns: string; extraNamespace(prefix: string): string }, sw: SwitchIR, vmName: string): string {
  const vm = overlayTopology.overlay.vms.find((v) => v.name === vmName);
  const vpc = overlayTopology.overlay.vpcs.find((v) => v.name === vm?.vpc);
  const sub = subinterfacesOf(overlayTopology, sw).find((s) => s.tenant === vpc?.vrf && s.bridge === vpc?.subnets.find((n) => n.name === vm?.subnet)?.bridge);
  if (!vm || !sub) throw new Error(`fixture cannot place ${vmName} on ${sw.name}`);
  const netns = lab.extraNamespace('thrice-test-vm');
  ip('-n', lab.netns, 'link', 'set', 'dev', standInPeer(sub), 'netns', netns);
  ip('-n', netns, 'link', 'set', 'dev', standInPeer(sub), 'mtu', String(vm.mtu), 'up');
  ip('-n', netns, 'addr', 'add', `${vm.ip}/${vm.prefixLength}`, 'dev', standInPeer(sub));
  ip('-n', netns, 'route', 'add', 'default', 'via', vm.gateway);
  return netns;
}

describe('tenant forwarding through the anycast gateways (lab style: veth pairs stand in for VLANs)', () => {
  asRoot('leaf2: a VM reaches its gateway and, routed in the blue namespace, a VM of another subnet', () => {
    const sw = overlaySwitch('leaf2');
    const paths = scriptsOf(overlayTopology, sw);
    withLeafLab(overlayTopology, sw, { standIns: true, tenantNamespaces: true }, (lab) => {
      expectSuccess(lab.run(paths.interfaces), 'interfaces.sh');
      expectSuccess(lab.run(paths.overlay), 'overlay-netns.sh');
      const k8s2 = plugVm(lab, sw, 'k8s-2'); // blue/nodes, 10.1.1.3
      plugVm(lab, sw, 'pg-1'); // blue/db, 10.1.2.10
      expect(tcpProbe(k8s2, '10.1.1.1')).toBe('refused');
      expect(tcpProbe(k8s2, '10.1.2.1')).toBe('refused');
      expect(tcpProbe(k8s2, '10.1.2.10')).toBe('refused');
    });
  });

  asRoot("leaf1: VPCs are isolated in the kernel; only FRR (route targets) leaks a peer's routes", () => {
    const sw = overlaySwitch('leaf1');
    const paths = scriptsOf(overlayTopology, sw);
    withLeafLab(overlayTopology, sw, { standIns: true, tenantNamespaces: true }, (lab) => {
      expectSuccess(lab.run(paths.interfaces), 'interfaces.sh');
      expectSuccess(lab.run(paths.overlay), 'overlay-netns.sh');
      const batch1 = plugVm(lab, sw, 'batch-1'); // green/apps, 10.2.1.2
      plugVm(lab, sw, 'k8s-1'); // blue/nodes, 10.1.1.2
      expect(tcpProbe(batch1, '10.2.1.1')).toBe('refused');
      expect(tcpProbe(batch1, '10.1.1.2')).not.toBe('refused');
    });
  });
});
