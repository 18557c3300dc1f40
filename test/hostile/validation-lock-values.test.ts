// Hostile input: a bad value in the lock file is lock-value-invalid at its line in the lock file, never blamed on the spec.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { build } from '../helpers/run-pipeline.js';
import { located } from './positions.js';
import { lockValue, lockValueAt, setLockValue } from './lock-edits.js';

const LOCK = 'spec.lock.yaml';

const twoTier = `thrice: 1
name: hostile
fabric:
  radix: 16
  loopbacks: 10.255.0.0/24
  links: 10.254.0.0/24
  asn: {spine: 65000, leaf: 65100-65199}
  spines: 2
  leaves:
    - {name: leaf1, rack: r1}
    - {name: leaf2, rack: r2}
    - {name: border1, role: border}
  hosts:
    - {name: hv1, leaf: leaf1}
    - {name: hv2, leaf: leaf1}
    - {name: hv3, leaf: leaf2}
vpcs:
  - name: blue
    vni: 50001
    cidr: 10.1.0.0/16
    subnets:
      - {name: nodes, cidr: 10.1.1.0/24, vni: 10101}
      - {name: db, cidr: 10.1.2.0/24, vni: 10102}
    vms:
      - {name: k8s-1, host: hv1, subnet: nodes}
      - {name: k8s-2, host: hv1, subnet: nodes}
      - {name: pg-1, host: hv3, subnet: db}
  - name: green
    vni: 50002
    cidr: 10.2.0.0/16
    subnets:
      - {name: apps, cidr: 10.2.1.0/24, vni: 10201}
    vms:
      - {name: app-1, host: hv3, subnet: apps}
clusters:
  - name: prod
    vpc: blue
    nodes: [k8s-1, k8s-2]
    podCidr: 10.244.0.0/16
    nodeCidrSize: 24
`;
const threeTier = readFileSync(new URL('../../examples/three-tier.yaml', import.meta.url), 'utf8');

/** The lock file a clean compile of `spec` writes. */
function freshLock(spec: string): string {
  const result = build(spec);
  expect(located(result.diagnostics)).toEqual([]);
  return result.lockText as string;
}

interface Case {
  readonly key: string;
  /** Undefined for a `links` entry, whose value is the /31 itself. */
  readonly field?: string;
  /** The bad value, or the entry whose value to copy (a duplicate). */
  readonly value: string | { readonly copyOf: string };
  readonly spec?: string;
}

const cases: Record<string, Case> = {
  'leaf id beyond the radix': { key: 'leaf1', field: 'id', value: '17' },
  'leaf id held by another leaf': { key: 'leaf2', field: 'id', value: { copyOf: 'leaf1' } },
  'spine id beyond the radix (the leaves would get port swp-1)': { key: 'spine2', field: 'id', value: '18' },
  'switch loopback outside the pool': { key: 'leaf1', field: 'loopback', value: '10.9.9.9' },
  'switch loopback that is no address': { key: 'leaf1', field: 'loopback', value: 'banana' },
  'switch loopback held by another switch': { key: 'leaf2', field: 'loopback', value: { copyOf: 'leaf1' } },
  'host loopback held by a switch': { key: 'hv1', field: 'loopback', value: { copyOf: 'spine1' } },
  'host port beyond the radix': { key: 'hv1', field: 'port', value: '17' },
  "host port on the leaf's uplink": { key: 'hv1', field: 'port', value: '16' },
  'host port held by another host of the leaf': { key: 'hv2', field: 'port', value: { copyOf: 'hv1' } },
  'rack ASN outside the pool': { key: 'r1', field: 'asn', value: '64000' },
  'rack ASN held by another rack': { key: 'r2', field: 'asn', value: { copyOf: 'r1' } },
  'rack ASN that is reserved': { key: 'r1', field: 'asn', value: '65535', spec: twoTier.replace('leaf: 65100-65199', 'leaf: 65530-65535') },
  'ASN of a leaf without a rack outside the pool': { key: 'border1', field: 'asn', value: '65500' },
  'link outside the pool': { key: 'spine1/leaf1', value: '10.9.0.0/31' },
  'link that is not a /31': { key: 'spine1/leaf1', value: '10.254.0.0/30' },
  'link with host bits': { key: 'spine1/leaf1', value: '10.254.0.1/31' },
  'link held by another link': { key: 'spine1/leaf2', value: { copyOf: 'spine1/leaf1' } },
  'VPC id 0': { key: 'blue', field: 'id', value: '0' },
  'VPC id beyond 4000 (VRF tables stay in 1001-5000)': { key: 'blue', field: 'id', value: '4001' },
  'VPC id held by another VPC': { key: 'green', field: 'id', value: { copyOf: 'blue' } },
  'VLAN 4095': { key: 'blue/db', field: 'vlan', value: '4095' },
  'VLAN held by another subnet': { key: 'blue/db', field: 'vlan', value: { copyOf: 'blue/nodes' } },
  'VM address outside its subnet': { key: 'k8s-1', field: 'ip', value: '10.1.9.2' },
  "VM address on the subnet's gateway": { key: 'k8s-1', field: 'ip', value: '10.1.1.1' },
  "VM address on the subnet's broadcast": { key: 'k8s-1', field: 'ip', value: '10.1.1.255' },
  'VM address that is no address': { key: 'k8s-1', field: 'ip', value: '10.1.1' },
  'VM address held by another VM': { key: 'k8s-2', field: 'ip', value: { copyOf: 'k8s-1' } },
  'VM port below vmport0': { key: 'k8s-1', field: 'port', value: '-1' },
  'VM port held by another VM of the host': { key: 'k8s-2', field: 'port', value: { copyOf: 'k8s-1' } },
  'node pod subnet outside podCidr': { key: 'prod/k8s-1', field: 'podSubnet', value: '10.9.0.0/24' },
  'node pod subnet of another size than nodeCidrSize': { key: 'prod/k8s-1', field: 'podSubnet', value: '10.244.0.0/25' },
  'node pod subnet with host bits': { key: 'prod/k8s-1', field: 'podSubnet', value: '10.244.0.1/24' },
  'node pod subnet held by another node': { key: 'prod/k8s-2', field: 'podSubnet', value: { copyOf: 'prod/k8s-1' } },
  'spine slot beyond the radix (three tiers)': { key: 'pod1-spine1', field: 'slot', value: '33', spec: threeTier },
  'spine slot held by another spine': { key: 'pod1-spine2', field: 'slot', value: { copyOf: 'pod1-spine1' }, spec: threeTier },
  'pod ASN outside the pool': { key: 'pod1', field: 'asn', value: '64000', spec: threeTier },
  'pod ASN held by another pod': { key: 'pod2', field: 'asn', value: { copyOf: 'pod1' }, spec: threeTier },
  "leaf id on the spines' uplink to a super-spine": { key: 'pod1-leaf1', field: 'id', value: '31', spec: threeTier },
  'super-spine id beyond the radix': { key: 'superspine1', field: 'id', value: '40', spec: threeTier },
};

describe('a bad value in the lock file', () => {
  it.each(Object.entries(cases))('%s: lock-value-invalid at the value in the lock file, and nothing else', (_, c) => {
    const spec = c.spec ?? twoTier;
    const fresh = freshLock(spec);
    const value = typeof c.value === 'string' ? c.value : lockValue(fresh, c.value.copyOf, c.field);
    const lock = setLockValue(fresh, c.key, c.field, value);
    const result = build(spec, 'spec.yaml', lock);
    expect(located(result.diagnostics)).toEqual([`lock-value-invalid ${lockValueAt(LOCK, lock, c.key, c.field)}`]);
    expect(result.diagnostics[0]?.hint).toBeTruthy();
    if (typeof c.value !== 'string') {
      // A duplicate points at the entry that keeps the value.
      const [, line] = lockValueAt(LOCK, lock, c.value.copyOf, c.field).split(':');
      expect(result.diagnostics[0]?.related.map((r) => `${r.location.file}:${r.location.line}`)).toEqual([`${LOCK}:${line}`]);
    }
  });

  it('the lock file of a clean compile is accepted as it is', () => {
    for (const spec of [twoTier, threeTier]) {
      const lock = freshLock(spec);
      const result = build(spec, 'spec.yaml', lock);
      expect(located(result.diagnostics)).toEqual([]);
      expect(result.lockText).toBe(lock);
    }
  });

  it('reports every bad value, each at its own line', () => {
    const fresh = freshLock(twoTier);
    const lock = setLockValue(setLockValue(fresh, 'hv1', 'port', '17'), 'blue', 'id', '0');
    expect(located(build(twoTier, 'spec.yaml', lock).diagnostics)).toEqual([
      `lock-value-invalid ${lockValueAt(LOCK, lock, 'hv1', 'port')}`,
      `lock-value-invalid ${lockValueAt(LOCK, lock, 'blue', 'id')}`,
    ]);
  });
});

describe('the spec still decides', () => {
  it('a pin that takes a locked value is no error: the pin wins and the other object moves', () => {
    const fresh = freshLock(twoTier);
    const taken = lockValue(fresh, 'spine1', 'loopback');
    const pinned = twoTier.replace('{name: leaf2, rack: r2}', `{name: leaf2, rack: r2, loopback: ${taken}}`);
    const result = build(pinned, 'spec.yaml', fresh);
    expect(located(result.diagnostics)).toEqual([]);
    const loopbacks = new Map(result.ir?.fabric?.switches.map((s) => [s.name, s.loopback]));
    expect(loopbacks.get('leaf2')).toBe(taken);
    expect(loopbacks.get('spine1')).not.toBe(taken);
  });

  it('a host port pinned beyond the radix is radix-exceeded in the spec, lock file or not', () => {
    const pinned = twoTier.replace('{name: hv1, leaf: leaf1}', '{name: hv1, leaf: leaf1, port: 17}');
    const fresh = freshLock(twoTier);
    for (const lock of [undefined, fresh]) {
      expect(build(pinned, 'spec.yaml', lock).diagnostics.map((d) => `${d.code} ${d.location?.file}`)).toEqual(['radix-exceeded spec.yaml']);
    }
  });

  it('a pin outside its pool is pin-outside-pool in the spec, even where the lock file holds a good value', () => {
    const pinned = twoTier.replace('{name: leaf1, rack: r1}', '{name: leaf1, rack: r1, loopback: 10.9.9.9}');
    const result = build(pinned, 'spec.yaml', freshLock(twoTier));
    expect(result.diagnostics.map((d) => `${d.code} ${d.location?.file}`)).toEqual(['pin-outside-pool spec.yaml']);
  });
});
