// Runs every generated VM setup.sh twice in a throwaway namespace standing in for the VM and checks what it left.
import { afterAll, describe, expect } from 'vitest';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import { vmScriptEmitter } from '../../src/emit/iproute2/vm-script-emitter.js';
import { hostVmTopology, threeLayerExample } from '../helpers/host-vm-fixtures.js';
import { NamespaceLab } from '../helpers/host-vm-lab.js';
import { hasCommand, testNeeding } from './test-needing.js';

const met = process.getuid?.() === 0 && hasCommand('ip');
const asRoot = testNeeding('root and iproute2 (network namespaces)', met);

interface IpLink {
  readonly mtu: number;
  readonly address: string;
  readonly flags: readonly string[];
  readonly addr_info: readonly { readonly family: string; readonly local: string; readonly prefixlen: number }[];
}

describe.each([
  ['hand-made fixture', () => hostVmTopology],
  ['examples/three-layer.yaml', threeLayerExample],
] as const)('VM setup.sh of the %s in a network namespace', (_name, topology: () => TopologyIR) => {
  const ir = topology();
  const lab = met ? new NamespaceLab() : undefined;
  afterAll(() => lab?.destroy());

  for (const file of vmScriptEmitter.emit(ir)) {
    const vm = ir.overlay.vms.find((v) => file.path === `vms/${v.name}/setup.sh`);
    if (!vm) throw new Error(`no VM for ${file.path}`);
    asRoot(`${file.path} runs, twice, and leaves the VM's MAC, MTU, address and default route`, () => {
      if (!lab) throw new Error('no lab');
      const netns = lab.add(vm.name);
      // The VM's NIC; its other end stays in the namespace, down, as an unplugged cable.
      lab.ip(netns, 'link', 'add', vm.interface, 'type', 'veth', 'peer', 'name', 'cable');
      lab.run(netns, file);
      lab.run(netns, file);
      const [link] = JSON.parse(lab.ip(netns, '-j', 'address', 'show', 'dev', vm.interface)) as IpLink[];
      expect(link?.address).toBe(vm.mac.toLowerCase());
      expect(link?.mtu).toBe(vm.mtu);
      expect(link?.flags).toContain('UP');
      expect(link?.addr_info.filter((a) => a.family === 'inet').map((a) => `${a.local}/${a.prefixlen}`)).toEqual([`${vm.ip}/${vm.prefixLength}`]);
      const routes = JSON.parse(lab.ip(netns, '-j', 'route', 'show', 'default')) as { gateway: string; dev: string }[];
      expect(routes).toEqual([expect.objectContaining({ gateway: vm.gateway, dev: vm.interface })]);
    });
  }
});
