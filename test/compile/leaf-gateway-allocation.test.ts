// Each serving leaf's own SVI address: from the top of the subnet down, locked, never a VM's, and stable as leaves and VMs come.
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import { build, errorsOf } from '../helpers/run-pipeline.js';

interface Vm {
  name: string;
  host: string;
  ip?: string;
}

function specText(vms: Vm[]): string {
  return stringify({
    thrice: 1,
    name: 'svi',
    fabric: {
      radix: 64,
      loopbacks: '10.255.0.0/16',
      links: 'unnumbered',
      asn: { spine: 65000, leaf: '65100-65999' },
      vtep: 'leaf',
      spines: 1,
      leaves: [{ name: 'leaf1' }, { name: 'leaf2' }, { name: 'leaf3' }],
      hosts: [
        { name: 'hv1', leaf: 'leaf1' },
        { name: 'hv2', leaf: 'leaf2' },
        { name: 'hv3', leaf: 'leaf3' },
      ],
    },
    vpcs: [{ name: 'blue', vni: 50001, cidr: '10.1.0.0/16', subnets: [{ name: 'nodes', cidr: '10.1.1.0/28', vni: 10101 }], vms: vms.map((vm) => ({ ...vm, subnet: 'nodes' })) }],
  });
}

const sviAddresses = (ir: TopologyIR | undefined): Record<string, string> =>
  Object.fromEntries((ir?.overlay.vpcs[0]?.subnets[0]?.leafAddresses ?? []).map((a) => [a.leaf, a.address]));
const vmAddresses = (ir: TopologyIR | undefined): Record<string, string> => Object.fromEntries((ir?.overlay.vms ?? []).map((vm) => [vm.name, vm.ip]));

describe('leaf SVI addresses', () => {
  it('count down from the last usable address per serving leaf, while VMs count up after the gateway', () => {
    const result = build(specText([{ name: 'a', host: 'hv1' }, { name: 'b', host: 'hv2' }]));
    expect(errorsOf(result)).toEqual([]);
    expect(sviAddresses(result.ir)).toEqual({ leaf1: '10.1.1.14', leaf2: '10.1.1.13' });
    expect(vmAddresses(result.ir)).toEqual({ a: '10.1.1.2', b: '10.1.1.3' });
    expect(result.lockText).toContain('gateways:\n  blue/nodes/leaf1: { ip: 10.1.1.14 }\n  blue/nodes/leaf2: { ip: 10.1.1.13 }\n');
  });

  it('keep their locked values when a leaf starts serving the subnet, and the new one takes a free address', () => {
    const first = build(specText([{ name: 'b', host: 'hv2' }, { name: 'c', host: 'hv3' }]));
    const second = build(specText([{ name: 'a', host: 'hv1' }, { name: 'b', host: 'hv2' }, { name: 'c', host: 'hv3' }]), 'spec.yaml', first.lockText);
    expect(errorsOf(second)).toEqual([]);
    expect(sviAddresses(first.ir)).toEqual({ leaf2: '10.1.1.14', leaf3: '10.1.1.13' });
    expect(sviAddresses(second.ir)).toEqual({ leaf1: '10.1.1.12', leaf2: '10.1.1.14', leaf3: '10.1.1.13' });
    expect(vmAddresses(second.ir)).toEqual({ a: '10.1.1.4', b: '10.1.1.2', c: '10.1.1.3' });
  });

  it('yield to a VM that pins a locked SVI address: the leaf moves silently', () => {
    const first = build(specText([{ name: 'a', host: 'hv1' }]));
    const second = build(specText([{ name: 'a', host: 'hv1', ip: '10.1.1.14' }]), 'spec.yaml', first.lockText);
    expect(errorsOf(second)).toEqual([]);
    expect([sviAddresses(first.ir), sviAddresses(second.ir), vmAddresses(second.ir)]).toEqual([{ leaf1: '10.1.1.14' }, { leaf1: '10.1.1.13' }, { a: '10.1.1.14' }]);
  });

  it('are never handed to a VM: a VM pinning one without a lock file moves the leaf, a full subnet is pool-exhausted', () => {
    const pinned = build(specText([{ name: 'a', host: 'hv1', ip: '10.1.1.14' }]));
    expect(sviAddresses(pinned.ir)).toEqual({ leaf1: '10.1.1.13' });
    // 14 usable addresses: the gateway, leaf1's and 12 VMs; the 13th VM finds none.
    const full = build(specText(Array.from({ length: 13 }, (_, i) => ({ name: `vm${i + 1}`, host: 'hv1' }))));
    expect(errorsOf(full).map((e) => e.split(' ')[0])).toEqual(['pool-exhausted']);
  });
});
