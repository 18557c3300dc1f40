// VPC-derived numbers: VRF tables clear of the kernel's reserved ones, RDs clear of FRR's automatic ones, VM MACs of every id bit.
import { describe, expect, it } from 'vitest';
import { MAX_VPC_ID, RD_OFFSET, vrfRouteDistinguisher, vrfTableOf } from '../../src/ir/vpc-numbers.js';
import { gatewayMac, routerMac, vmMac } from '../../src/ir/mac.js';
import { build, errorsOf } from '../helpers/run-pipeline.js';

const ids = Array.from({ length: MAX_VPC_ID }, (_, i) => i + 1);

/** Two VPCs, the first with L3 VNI 254 (the main table's number), on one leaf with one host. */
function spec(firstVni: number): string {
  return [
    'thrice: 1',
    'name: numbers',
    'fabric:',
    '  loopbacks: 10.255.0.0/16',
    '  asn: {leaf: 65100-65999}',
    '  spines: 1',
    '  leaves: 1',
    '  hosts: [{name: hv1, leaf: leaf1}]',
    'vpcs:',
    `  - {name: blue, cidr: 10.1.0.0/16, vni: ${firstVni}, subnets: [{name: a, cidr: 10.1.1.0/24, vni: 10101}], vms: [{name: b1, host: hv1, subnet: a}]}`,
    '  - {name: red, cidr: 10.2.0.0/16, vni: 50002, subnets: [{name: a, cidr: 10.2.1.0/24, vni: 10201}], vms: [{name: r1, host: hv1, subnet: a}]}',
    '',
  ].join('\n');
}

describe('VRF routing tables', () => {
  it('are never 0 or the reserved 253-255, and differ per VPC id', () => {
    const tables = ids.map(vrfTableOf);
    expect(tables.filter((t) => t === 0 || (t >= 253 && t <= 255))).toEqual([]);
    expect(new Set(tables).size).toBe(ids.length);
  });

  it('stay inside 1001-5000, the VRF table range ifupdown2 accepts (the persistent interfaces files)', () => {
    expect([Math.min(...ids.map(vrfTableOf)), Math.max(...ids.map(vrfTableOf))]).toEqual([1001, 5000]);
  });

  it('do not follow the L3 VNI: VNI 254 no longer binds a tenant to the main table', () => {
    const result = build(spec(254));
    expect(errorsOf(result)).toEqual([]);
    const vpcs = result.ir?.overlay.vpcs ?? [];
    expect(vpcs.map((v) => [v.name, v.l3Vni, v.vrfTable])).toEqual([
      ['blue', 254, 1001],
      ['red', 50002, 1002],
    ]);
  });

  it('stay with their VPC when another VPC is added before it (the id is locked)', () => {
    const first = build(spec(254));
    const withGreen = spec(254).replace('vpcs:\n', 'vpcs:\n  - {name: green, cidr: 10.3.0.0/16, vni: 50003, subnets: [{name: a, cidr: 10.3.1.0/24, vni: 10301}]}\n');
    const second = build(withGreen, 'spec.yaml', first.lockText);
    const table = (name: string) => second.ir?.overlay.vpcs.find((v) => v.name === name)?.vrfTable;
    expect([table('blue'), table('red'), table('green')]).toEqual([1001, 1002, 1003]);
  });
});

describe('route distinguishers of tenant VRFs', () => {
  it('are <loopback>:<32768 + id>, inside the 16-bit field and above every index FRR hands out automatically', () => {
    expect(vrfRouteDistinguisher('10.255.0.3', 1)).toBe('10.255.0.3:32769');
    expect(RD_OFFSET + MAX_VPC_ID).toBeLessThanOrEqual(65535);
    // FRR's automatic RD indexes: one per BGP instance (default + a VRF per VPC), L2 VNI (at most one per VLAN) and ES.
    const mostAutomatic = 1 + MAX_VPC_ID + (4094 - 2 + 1);
    expect(mostAutomatic).toBeLessThan(RD_OFFSET + 1);
  });
});

describe('VM MACs', () => {
  it('differ for VPC ids that share their low byte, and stay locally administered unicast', () => {
    const address = 0x0a010102;
    const macs = ids.map((id) => vmMac(id, address));
    expect(new Set(macs).size).toBe(ids.length);
    for (const mac of [vmMac(1, address), vmMac(257, address), vmMac(MAX_VPC_ID, address)]) {
      const first = parseInt(mac.slice(0, 2), 16);
      expect(first & 1, mac).toBe(0); // unicast
      expect(first & 2, mac).toBe(2); // locally administered
    }
    expect(vmMac(1, address)).not.toBe(vmMac(257, address));
  });

  it('never take the first octet 02 of the gateway, router and flannel MACs', () => {
    expect(ids.some((id) => vmMac(id, 0x4868_0000).startsWith('02:'))).toBe(false);
    expect(gatewayMac(10101).startsWith('02:')).toBe(true);
    expect(routerMac(0x0aff0003).startsWith('02:')).toBe(true);
  });

  it('are a pure function of VPC id and address', () => {
    expect(vmMac(300, 0x0a010203)).toBe('0e:2c:0a:01:02:03');
    expect(vmMac(300, 0x0a010203)).toBe(vmMac(300, 0x0a010203));
  });
});
