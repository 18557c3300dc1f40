// Unit tests of the hosts' setup.sh view: VLAN per subnet, port order, trunk MTU, names and quoting.
import { describe, expect, it } from 'vitest';
import type { HostIR } from '../../src/ir/fabric-ir.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import { buildHostScriptView } from '../../src/emit/iproute2/host-script-view-builder.js';
import { hostVmTopology } from '../helpers/host-vm-fixtures.js';

function viewOf(topology: TopologyIR, hostName: string) {
  const fabric = topology.fabric;
  const host = fabric?.hosts.find((h) => h.name === hostName);
  if (!fabric || !host) throw new Error(`fixture has no host ${hostName}`);
  return buildHostScriptView(fabric, topology.overlay, host);
}

function withVms(edit: (vm: TopologyIR['overlay']['vms'][number]) => TopologyIR['overlay']['vms'][number]): TopologyIR {
  return { ...hostVmTopology, overlay: { ...hostVmTopology.overlay, vms: hostVmTopology.overlay.vms.map(edit) } };
}

describe('buildHostScriptView', () => {
  it('trunks each subnet of the host VMs on its own VLAN and bridge, ports in natural order', () => {
    expect(viewOf(hostVmTopology, 'hv1')).toEqual({
      // Converges: keeps its bridges, VLAN subinterfaces and VM ports, the labelled underlay address and its route.
      converge: {
        owner: 'setup.sh',
        ownerWord: `'setup.sh'`,
        labelSuffix: `':thrice'`,
        labelsAddresses: true,
        makesLinks: true,
        routeProtocol: `'116'`,
        routeProtocolText: '116',
        links: ['eth0.10', 'eth0.2', 'vlan10', 'vlan2', 'vmport0', 'vmport1', 'vmport2'],
        addresses: ['eth0 10.255.2.1/32'],
        routes: ['10.255.0.0/16'],
      },
      title: 'hv1 (under leaf1 swp1)',
      uplink: { comment: 'eth0 to leaf1 swp1: an 802.1Q trunk of every subnet below', device: `'eth0'`, mtu: `'9166'` },
      underlay: {
        comment: "10.255.2.1/32 untagged on eth0; the underlay (10.255.0.0/16) via leaf1's loopback 10.255.1.1",
        address: `'10.255.2.1/32'`,
        label: `'eth0:thrice'`,
        source: `'10.255.2.1'`,
        device: `'eth0'`,
        pool: `'10.255.0.0/16'`,
        gateway: `'10.255.1.1'`,
      },
      vlans: [
        {
          comment: 'VLAN 2: subnet blue/nodes 10.1.1.0/24 (VNI 10101 on the leaf), VMs k8s-1, k8s-3',
          vlan: `'2'`,
          uplink: `'eth0'`,
          subinterface: `'eth0.2'`,
          bridge: `'vlan2'`,
          mtu: `'9166'`,
        },
        {
          comment: 'VLAN 10: subnet green/apps 10.2.1.0/24 (VNI 10201 on the leaf), VMs batch-1',
          vlan: `'10'`,
          uplink: `'eth0'`,
          subinterface: `'eth0.10'`,
          bridge: `'vlan10'`,
          mtu: `'9166'`,
        },
      ],
      vmPorts: [
        { comment: 'vmport0: VM k8s-1, subnet blue/nodes, 10.1.1.2/24, MAC 02:01:0a:01:01:02', device: `'vmport0'`, peer: `'vmport0-vm'`, bridge: `'vlan2'`, mtu: `'9166'` },
        { comment: 'vmport1: VM batch-1, subnet green/apps, 10.2.1.2/24, MAC 02:02:0a:02:01:02', device: `'vmport1'`, peer: `'vmport1-vm'`, bridge: `'vlan10'`, mtu: `'9166'` },
        { comment: 'vmport2: VM k8s-3, subnet blue/nodes, 10.1.1.4/24, MAC 02:01:0a:01:01:04', device: `'vmport2'`, peer: `'vmport2-vm'`, bridge: `'vlan2'`, mtu: `'9166'` },
      ],
    });
  });

  it('gives each VM port the VM MTU, and the trunk the larger of the leaf MTU and every VM MTU', () => {
    expect(viewOf(hostVmTopology, 'hv2').vmPorts.map((p) => [p.device, p.mtu])).toEqual([
      [`'vmport0'`, `'9166'`],
      [`'vmport1'`, `'1500'`],
      [`'vmport10'`, `'9166'`],
    ]);
    const jumbo = withVms((vm) => (vm.name === 'k8s-1' ? { ...vm, mtu: 9200 } : vm));
    expect(viewOf(jumbo, 'hv1').uplink.mtu).toBe(`'9200'`);
    expect(viewOf(jumbo, 'hv1').vlans.map((v) => v.mtu)).toEqual([`'9200'`, `'9200'`]);
  });

  it('has no VLANs and no ports on a host without VMs', () => {
    const empty = { ...hostVmTopology, overlay: { vpcs: hostVmTopology.overlay.vpcs, vms: [] } };
    // ...and keeps no device when it converges: whatever VLANs and ports an earlier revision made go.
    expect(viewOf(empty, 'hv1')).toMatchObject({ vlans: [], vmPorts: [], converge: { links: [], addresses: ['eth0 10.255.2.1/32'] } });
  });

  it('refuses two subnets on one VLAN of a trunk and interface names longer than Linux allows', () => {
    const clash = {
      ...hostVmTopology,
      overlay: {
        ...hostVmTopology.overlay,
        vpcs: hostVmTopology.overlay.vpcs.map((vpc) => ({ ...vpc, subnets: vpc.subnets.map((s) => ({ ...s, vlan: 7 })) })),
      },
    };
    expect(() => viewOf(clash, 'hv1')).toThrow(/share VLAN 7/);
    const longPort = withVms((vm) => (vm.name === 'k8s-1' ? { ...vm, hostPort: 'vmport1234567890' } : vm));
    expect(() => viewOf(longPort, 'hv1')).toThrow(/longer than 15/);
  });

  it('quotes names as single shell words', () => {
    const fabric = hostVmTopology.fabric;
    const hv1 = fabric?.hosts[0] as HostIR;
    const odd: HostIR = { ...hv1, uplink: `e'0` };
    if (!fabric) throw new Error('no fabric');
    const view = buildHostScriptView(fabric, hostVmTopology.overlay, odd);
    expect(view.uplink.device).toBe(`'e'\\''0'`);
    expect(view.vlans[0]?.subinterface).toBe(`'e'\\''0.2'`);
  });
});
