// Port security chains: a VM's own MAC and addresses (a node VM's pod subnet too), dispatched from every VM port at bridge prerouting.
import { describe, expect, it } from 'vitest';
import { buildPortSecurityChain, portSecurityDispatches, vmSourceAddresses } from '../../src/emit/nftables/port-security-chains.js';
import { hostVmTopology, vmNamed } from '../helpers/host-vm-fixtures.js';

describe('port security chains', () => {
  it('lets a node VM send from its address and its pod subnet, any other VM from its address only', () => {
    const node = hostVmTopology.clusters.flatMap((c) => c.nodes)[0];
    expect(node).toBeDefined();
    const nodeVm = vmNamed(hostVmTopology, node?.name ?? '');
    expect(vmSourceAddresses(hostVmTopology, nodeVm)).toEqual([nodeVm.ip, node?.podSubnet]);
    const plain = hostVmTopology.overlay.vms.find((vm) => !hostVmTopology.clusters.some((c) => c.nodes.some((n) => n.name === vm.name)));
    expect(plain && vmSourceAddresses(hostVmTopology, plain)).toEqual([plain?.ip]);
  });

  it('drops another MAC first, returns ARP as itself and IPv4 from its addresses, and drops the rest', () => {
    const vm = vmNamed(hostVmTopology, 'pg-1');
    const chain = buildPortSecurityChain(vm, [vm.ip]);
    expect(chain.name).toBe('ps_pg-1');
    expect(chain.hook).toBeNull();
    const rules = chain.lines.map((l) => l.rule);
    expect(rules[0]).toMatch(new RegExp(`^ether saddr != ${vm.mac.toLowerCase()} counter drop `));
    expect(rules[1]).toContain(`arp saddr ether ${vm.mac.toLowerCase()} arp saddr ip ${vm.ip} counter return`);
    expect(rules[2]).toContain(`ether type ip ip saddr ${vm.ip} counter return`);
    expect(rules[3]).toMatch(/^counter drop /);
  });

  it('dispatches every VM port, in natural port order, at bridge prerouting', () => {
    const vms = hostVmTopology.overlay.vms.filter((vm) => vm.host === 'hv2');
    const [dispatch] = portSecurityDispatches(vms);
    expect(dispatch?.family).toBe('bridge');
    expect(dispatch?.hook).toBe('prerouting');
    expect(dispatch?.rule).toBe('iifname vmap { "vmport0" : jump ps_k8s-2, "vmport1" : jump ps_pg-1, "vmport10" : jump ps_bastion } comment "port security: from the VMs"');
  });
});
