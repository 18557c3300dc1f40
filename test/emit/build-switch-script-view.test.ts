// Unit tests of the interfaces.sh view: quoting, numbered vs unnumbered ports, and host ports.
import { describe, expect, it } from 'vitest';
import type { FabricIR } from '../../src/ir/fabric-ir.js';
import { buildSwitchScriptView } from '../../src/emit/iproute2/build-switch-script-view.js';
import { shellComment, shellWord } from '../../src/emit/iproute2/shell-word.js';
import { switchNamed, threeTierNumbered, twoTierUnnumbered } from '../helpers/fabric-ir-fixtures.js';

const view = (fabric: FabricIR, name: string) => buildSwitchScriptView(fabric, switchNamed(fabric, name));

describe('shellWord and shellComment', () => {
  it('single-quotes a word and spells embedded quotes safely', () => {
    expect(shellWord('swp1')).toBe(`'swp1'`);
    expect(shellWord(9216)).toBe(`'9216'`);
    expect(shellWord(`a'b`)).toBe(`'a'\\''b'`);
    expect(shellWord('$(reboot)')).toBe(`'$(reboot)'`);
  });

  it('keeps a comment on one line', () => {
    expect(shellComment('leaf1\nreboot')).toBe('leaf1 reboot');
  });
});

describe('buildSwitchScriptView', () => {
  it('brings up an unnumbered leaf: loopback, ECMP by ports, uplinks by port with MTU and no address, host ports routing their hypervisor', () => {
    expect(view(twoTierUnnumbered, 'leaf1')).toEqual({
      // Converges: keeps its labelled loopback and the protocol-116 route to its hypervisor; it creates no device.
      converge: {
        owner: 'interfaces.sh',
        ownerWord: `'interfaces.sh'`,
        labelSuffix: `':thrice'`,
        labelsAddresses: true,
        makesLinks: false,
        routeProtocol: `'116'`,
        routeProtocolText: '116',
        links: [],
        addresses: ['lo 10.255.1.1/32'],
        routes: ['10.255.2.1'],
      },
      routeProtocol: `'116'`,
      loopbackLabel: `'lo:thrice'`,
      title: 'leaf1 (leaf)',
      loopbackPurpose: 'BGP router-id and VXLAN tunnel endpoint',
      loopback: `'10.255.1.1/32'`,
      sysctls: [`'net.ipv4.ip_forward=1'`, `'net.ipv4.fib_multipath_hash_policy=1'`],
      fabricPorts: [
        { comment: 'swp11 to spine2 swp1', device: `'swp11'`, mtu: `'9216'`, address: null, label: `'swp11:thrice'` },
        { comment: 'swp12 to spine1 swp1', device: `'swp12'`, mtu: `'9216'`, address: null, label: `'swp12:thrice'` },
      ],
      hostPorts: [{ comment: 'swp1 to host hv1', device: `'swp1'`, mtu: `'9216'`, hostAddress: `'10.255.2.1/32'`, source: `'10.255.1.1'` }],
    });
  });

  it('gives a spine no host ports and a loopback that is only a router-id', () => {
    const spine = view(twoTierUnnumbered, 'spine1');
    expect(spine.hostPorts).toEqual([]);
    // Every switch spreads ECMP by L4 ports: VXLAN between one VTEP pair differs only in its UDP source port.
    expect(spine.sysctls).toContain(`'net.ipv4.fib_multipath_hash_policy=1'`);
    expect(spine.loopbackPurpose).toBe('BGP router-id');
    expect(spine.fabricPorts.map((p) => p.device)).toEqual([`'swp1'`, `'swp2'`, `'swp3'`]);
  });

  it('puts each /31 on its port on numbered links', () => {
    const superSpine = view(threeTierNumbered, 'superspine1');
    expect(superSpine.fabricPorts.map((p) => [p.device, p.address, p.label])).toEqual([
      [`'swp1'`, `'10.0.0.0/31'`, `'swp1:thrice'`],
      [`'swp2'`, `'10.0.0.2/31'`, `'swp2:thrice'`],
      [`'swp3'`, `'10.0.0.4/31'`, `'swp3:thrice'`],
      [`'swp4'`, `'10.0.0.6/31'`, `'swp4:thrice'`],
    ]);
    // The /31s are kept when the script converges, with the loopback; a super-spine routes to no host.
    expect(superSpine.converge.addresses).toEqual([
      'lo 10.255.0.1/32',
      'swp1 10.0.0.0/31',
      'swp2 10.0.0.2/31',
      'swp3 10.0.0.4/31',
      'swp4 10.0.0.6/31',
    ]);
    expect(superSpine.converge.routes).toEqual([]);
  });

  it('sorts ports by number whatever the input order', () => {
    const leaf = switchNamed(twoTierUnnumbered, 'leaf1');
    const reversed = { ...leaf, interfaces: [...leaf.interfaces].reverse() };
    expect(buildSwitchScriptView(twoTierUnnumbered, reversed).fabricPorts.map((p) => p.device)).toEqual([
      `'swp11'`,
      `'swp12'`,
    ]);
  });
});
