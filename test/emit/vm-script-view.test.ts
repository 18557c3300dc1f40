// Unit tests of the VMs' setup.sh view: MTU, MAC in the kernel's spelling, address with prefix, gateway.
import { describe, expect, it } from 'vitest';
import { buildVmScriptView } from '../../src/emit/iproute2/vm-script-view-builder.js';
import { hostVmTopology, vmNamed } from '../helpers/host-vm-fixtures.js';

describe('buildVmScriptView', () => {
  it('sets the VM interface from the overlay IR, the MAC in lower case', () => {
    expect(buildVmScriptView(vmNamed(hostVmTopology, 'pg-1'))).toEqual({
      // Converges: keeps its labelled address and its protocol-116 default route; it creates no device.
      converge: {
        owner: 'setup.sh',
        ownerWord: `'setup.sh'`,
        labelSuffix: `':thrice'`,
        labelsAddresses: true,
        makesLinks: false,
        routeProtocol: `'116'`,
        routeProtocolText: '116',
        links: [],
        addresses: ['eth0 10.1.2.10/24'],
        routes: ['default'],
      },
      title: 'pg-1 (VPC blue, subnet db, on host hv2 under leaf2)',
      addressComment: '10.1.2.10/24 in blue/db; default route via the anycast gateway 10.1.2.1 on leaf2',
      device: `'eth0'`,
      mtu: `'1500'`,
      mac: `'02:01:0a:01:02:0a'`,
      address: `'10.1.2.10/24'`,
      label: `'eth0:thrice'`,
      gateway: `'10.1.2.1'`,
    });
  });

  it('quotes every value as one shell word', () => {
    // At most 8 characters: the address label `<interface>:thrice` must fit in a 15-byte interface name.
    const vm = { ...vmNamed(hostVmTopology, 'k8s-1'), interface: `$(halt)` };
    expect(buildVmScriptView(vm).device).toBe(`'$(halt)'`);
    expect(buildVmScriptView(vm).label).toBe(`'$(halt):thrice'`);
    expect(buildVmScriptView(vm).converge.addresses).toEqual(['$(halt) 10.1.1.2/24']);
  });
});
