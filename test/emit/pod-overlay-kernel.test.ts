// Runs every node's pod-overlay.sh on VMs wired by their host scripts, in throwaway namespaces, and proves pods reach each other through it.
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { ClusterIR, ClusterNodeIR } from '../../src/ir/cluster-ir.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import { hostScriptEmitter } from '../../src/emit/iproute2/host-script-emitter.js';
import { vmScriptEmitter } from '../../src/emit/iproute2/vm-script-emitter.js';
import { podOverlayEmitter } from '../../src/emit/iproute2/pod-overlay-emitter.js';
import { hostVmTopology, threeLayerExample, withBackend } from '../helpers/host-vm-fixtures.js';
import { type LabPod, NamespaceLab, type VpcLab, attachPod, kernelHasVlans, wireVpcLab } from '../helpers/host-vm-lab.js';
import { hasCommand, testNeeding } from './test-needing.js';

const met = process.getuid?.() === 0 && hasCommand('ip') && hasCommand('bridge') && hasCommand('nft');
const asRoot = testNeeding('root, iproute2 and nftables (network namespaces)', met);
const tagged = met && kernelHasVlans();

interface LinkInfo {
  readonly ifname: string;
  readonly mtu: number;
  readonly address: string;
  readonly flags: readonly string[];
  readonly linkinfo?: { readonly info_kind: string; readonly info_data?: Record<string, unknown> };
  readonly addr_info?: readonly { readonly family: string; readonly local: string; readonly prefixlen: number }[];
  readonly stats64?: { readonly tx: { readonly packets: number } };
}

/** UDP payload that fills a frame of `mtu` exactly (IPv4 20 + UDP 8 bytes of headers). */
const fullFrame = (mtu: number): number => mtu - 28;

describe.each([
  ['hand-made fixture, vxlan', () => hostVmTopology],
  ['hand-made fixture, host-gw', () => withBackend(hostVmTopology, 'host-gw')],
  ['examples/three-layer.yaml', threeLayerExample],
] as const)('pod overlay of the %s in network namespaces', (_name, topology: () => TopologyIR) => {
  const ir = topology();
  const nodes = ir.clusters.flatMap((cluster) => cluster.nodes.map((node) => ({ cluster, node })));
  const lab = met ? new NamespaceLab() : undefined;
  let wired: VpcLab | undefined;
  const pods = new Map<string, LabPod>();

  beforeAll(async () => {
    if (!lab) return;
    const files = [...hostScriptEmitter.emit(ir), ...vmScriptEmitter.emit(ir), ...podOverlayEmitter.emit(ir)];
    wired = wireVpcLab(lab, ir, files, tagged);
    for (const { node } of nodes) {
      const script = files.find((f) => f.path === `vms/${node.name}/pod-overlay.sh`);
      if (!script) throw new Error(`no pod-overlay.sh for ${node.name}`);
      lab.run(nodeNetns(node), script);
      lab.run(nodeNetns(node), script); // idempotent: replace, create-when-missing, and the nft table swapped whole
    }
    for (const { cluster, node } of nodes) {
      const pod = attachPod(lab, nodeNetns(node), cluster, node);
      pods.set(node.name, pod);
      await lab.startEcho(pod.netns, pod.ip);
    }
    for (const vm of new Set(nodes.flatMap(({ cluster, node }) => outsideVms(ir, cluster, node)))) {
      await lab.startEcho(wired.vms.get(vm.name) ?? '', vm.ip);
    }
  });
  afterAll(() => lab?.destroy());

  function nodeNetns(node: ClusterNodeIR): string {
    const netns = wired?.vms.get(node.name);
    if (!netns) throw new Error(`the lab has no VM ${node.name}`);
    return netns;
  }
  function podOn(node: ClusterNodeIR): LabPod {
    const pod = pods.get(node.name);
    if (!pod) throw new Error(`the lab has no pod on ${node.name}`);
    return pod;
  }
  function link(node: ClusterNodeIR, device: string): LinkInfo | undefined {
    return (JSON.parse(lab?.ip(nodeNetns(node), '-d', '-s', '-j', 'address', 'show', 'dev', device) ?? '[]') as LinkInfo[])[0];
  }
  const json = <T>(text: string): T => JSON.parse(text || '[]') as T;

  for (const { cluster, node } of nodes) {
    asRoot(`${node.name}: cni0, forwarding and the masquerade table are in place`, () => {
      const bridge = link(node, 'cni0');
      expect(bridge?.mtu).toBe(cluster.cni.mtu);
      expect(bridge?.addr_info?.filter((a) => a.family === 'inet').map((a) => `${a.local}/${a.prefixlen}`)).toEqual([node.bridgeAddress]);
      const exec = (...command: string[]) => lab?.exec(nodeNetns(node), ...command);
      expect(exec('sysctl', '-n', 'net.ipv4.ip_forward')?.stdout.trim()).toBe('1');
      const tables = exec('nft', '-j', 'list', 'tables')?.stdout ?? '';
      expect(tables.match(/"name": ?"thrice-flannel"/g)).toHaveLength(1);
    });
  }

  for (const { cluster, node } of nodes.filter((n) => n.cluster.cni.backend === 'vxlan')) {
    asRoot(`${node.name}: ${cluster.cni.device} and one neighbour, FDB entry and route per other node, as flannel makes them`, () => {
      const { device, vni, port, mtu } = cluster.cni;
      const vxlan = link(node, device);
      expect(vxlan?.linkinfo?.info_kind).toBe('vxlan');
      expect(vxlan?.linkinfo?.info_data).toMatchObject({ id: vni, local: node.address, port, learning: false });
      expect(vxlan?.mtu).toBe(mtu);
      expect(vxlan?.address).toBe(node.vtepMac);
      expect(vxlan?.addr_info?.map((a) => `${a.local}/${a.prefixlen}`)).toContain(node.vtepAddress);
      const others = cluster.nodes.filter((n) => n.name !== node.name);
      const netns = nodeNetns(node);
      const neighbours = json<{ dst: string; lladdr: string; state: string[] }[]>(lab?.ip(netns, '-j', 'neigh', 'show', 'dev', device) ?? '');
      const fdb = json<{ mac: string; dst?: string; state?: string }[]>(lab?.exec(netns, 'bridge', '-j', 'fdb', 'show', 'dev', device)?.stdout ?? '');
      const routes = json<{ dst: string; gateway: string; flags: string[] }[]>(lab?.ip(netns, '-j', 'route', 'show', 'dev', device) ?? '');
      for (const other of others) {
        const vtep = other.vtepAddress.split('/')[0];
        expect(neighbours).toContainEqual(expect.objectContaining({ dst: vtep, lladdr: other.vtepMac, state: ['PERMANENT'] }));
        expect(fdb).toContainEqual(expect.objectContaining({ mac: other.vtepMac, dst: other.address, state: 'permanent' }));
        expect(routes).toContainEqual(expect.objectContaining({ dst: other.podSubnet, gateway: vtep, flags: ['onlink'] }));
      }
      expect(routes).toHaveLength(others.length);
    });
  }

  asRoot('every pod reaches every other pod with full-size frames, keeping its own address', () => {
    for (const from of nodes) {
      for (const to of nodes.filter((n) => n.cluster === from.cluster && n !== from)) {
        const size = fullFrame(from.cluster.cni.mtu);
        expect(lab?.probe(podOn(from.node).netns, podOn(to.node).ip, size), `${from.node.name} to ${to.node.name}`).toBe(podOn(from.node).ip);
      }
    }
  });

  asRoot('with the vxlan backend, that traffic crossed flannel.<vni>; with host-gw there is no such device', () => {
    for (const { cluster, node } of nodes) {
      if (cluster.cni.backend === 'vxlan') expect(link(node, cluster.cni.device)?.stats64?.tx.packets, node.name).toBeGreaterThan(0);
      else expect(lab?.exec(nodeNetns(node), 'ip', 'link', 'show', 'dev', cluster.cni.device)?.status, node.name).not.toBe(0);
    }
  });

  asRoot('every node reaches the pods of the other nodes', () => {
    for (const from of nodes) {
      for (const to of nodes.filter((n) => n.cluster === from.cluster && n !== from)) {
        expect(lab?.probe(nodeNetns(from.node), podOn(to.node).ip), `${from.node.name} to pod on ${to.node.name}`).toBeDefined();
      }
    }
  });

  // VMs of a node subnet that are no node have no route to the pods: only masquerade brings replies back.
  for (const { cluster, node } of nodes) {
    for (const outside of outsideVms(ir, cluster, node)) {
      asRoot(`a pod on ${node.name} reaches VM ${outside.name} as its node ${node.address} (masquerade)`, () => {
        expect(lab?.probe(podOn(node).netns, outside.ip)).toBe(node.address);
      });
    }
  }
});

/** Non-node VMs on the same subnet as `node` (so reachable without the leaf's routing). */
function outsideVms(ir: TopologyIR, cluster: ClusterIR, node: ClusterNodeIR) {
  const self = ir.overlay.vms.find((vm) => vm.name === node.name);
  const nodeNames = new Set(cluster.nodes.map((n) => n.name));
  return ir.overlay.vms.filter((vm) => !nodeNames.has(vm.name) && vm.vpc === self?.vpc && vm.subnet === self?.subnet);
}
