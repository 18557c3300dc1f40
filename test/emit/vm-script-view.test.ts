// Unit tests of the VMs' setup.sh view: MTU, MAC in the kernel's spelling, address with prefix, gateway.
import { describe, expect, it } from 'vitest';
import { buildVmScriptView } from '../../src/emit/iproute2/vm-script-view-builder.js';
import { hostVmTopology, vmNamed } from '../helpers/host-vm-fixtures.js';

describe('buildVmScriptView', () => {
  it('sets the VM interface from the overlay IR, the MAC in lower case', () => {
    expect(buildVmScriptView(vmNamed(hostVmTopology, 'pg-1'))).toEqual({
      title: 'pg-1 (VPC blue, subnet db, on host hv2 under leaf2)',
      addressComment: '10.1.2.10/24 in blue/db; default route via the anycast gateway 10.1.2.1 on leaf2',
      device: `'eth0'`,
      mtu: `'1500'`,
      mac: `'02:01:0a:01:02:0a'`,
      address: `'10.1.2.10/24'`,
      gateway: `'10.1.2.1'`,
    });
  });

  it('quotes every value as one shell word', () => {
    const vm = { ...vmNamed(hostVmTopology, 'k8s-1'), interface: `$(reboot)` };
    expect(buildVmScriptView(vm).device).toBe(`'$(reboot)'`);
  });
});
