// Allocates tenant values stably: VPC ids, subnet VLANs, VM addresses (after the anycast gateway) and hypervisor ports.
import type { DataPath } from '../../source/data-path.js';
import type { Spec } from '../../spec/spec-types.js';
import type { LockFile } from '../lock-file.js';
import { formatAddress, parseAddress, parsePrefix } from '../../ir/ipv4.js';
import { type AllocationContext, type PoolRequest, allocateStable } from './stable-pool.js';
import { MAX_SLOT } from './fabric-defaults.js';
import { vmPortName } from '../../ir/vm-port-name.js';
import { MAX_VPC_ID } from '../../ir/vpc-numbers.js';

export type OverlayLock = Pick<LockFile, 'vpcs' | 'subnets' | 'vms'>;

export interface OverlayAllocation {
  readonly vpcId: ReadonlyMap<string, number>;
  /** Keyed `vpc/subnet`. */
  readonly vlan: ReadonlyMap<string, number>;
  readonly vmAddress: ReadonlyMap<string, number>;
  /** VM → N of its hypervisor port `vmportN`. */
  readonly vmPort: ReadonlyMap<string, number>;
  readonly lock: OverlayLock;
}

/** 802.1Q: VLAN 1 is the default VLAN on most switches, 4095 is reserved. */
const FIRST_VLAN = 2;
const LAST_VLAN = 4094;

/** `leafSvis`: per `vpc/subnet`, the addresses the serving leaves hold on its SVI (allocate-leaf-gateways.ts), never a VM's. */
export function allocateOverlay(
  spec: Spec,
  lock: LockFile,
  ctx: AllocationContext,
  leafSvis: ReadonlyMap<string, ReadonlyMap<number, string>> = new Map(),
): OverlayAllocation {
  const vpcs = spec.vpcs ?? [];
  const vpcId = allocateStable(
    vpcs.map((vpc, v) => ({ key: vpc.name, label: `VPC ${vpc.name}`, locked: lock.vpcs[vpc.name]?.id, lockPath: ['vpcs', vpc.name, 'id'], path: ['vpcs', v] })),
    { what: 'VPC id', text: `1-${MAX_VPC_ID}`, first: 1, last: MAX_VPC_ID, format: String, path: ['vpcs'] },
    ctx,
  );

  const subnetRequests: PoolRequest[] = vpcs.flatMap((vpc, v) =>
    vpc.subnets.map((s, i) => {
      const key = `${vpc.name}/${s.name}`;
      return {
        key,
        label: `subnet ${key}`,
        pinned: s.vlan,
        pinPath: ['vpcs', v, 'subnets', i, 'vlan'],
        locked: lock.subnets[key]?.vlan,
        lockPath: ['subnets', key, 'vlan'],
        path: ['vpcs', v, 'subnets', i],
      };
    }),
  );
  const vlan = allocateStable(
    subnetRequests,
    { what: 'VLAN', text: `${FIRST_VLAN}-${LAST_VLAN}`, first: FIRST_VLAN, last: LAST_VLAN, format: String, path: ['vpcs'] },
    ctx,
  );

  const vmAddress = new Map<string, number>();
  vpcs.forEach((vpc, v) =>
    vpc.subnets.forEach((s, si) => {
      const prefix = parsePrefix(s.cidr);
      if (!prefix) return;
      const gateway = prefix.base + 1;
      const requests: PoolRequest[] = [];
      (vpc.vms ?? []).forEach((vm, i) => {
        if (vm.subnet !== s.name) return;
        requests.push({
          key: vm.name,
          label: `VM ${vm.name}`,
          pinned: vm.ip === undefined ? undefined : parseAddress(vm.ip),
          pinPath: ['vpcs', v, 'vms', i, 'ip'],
          locked: addressOf(lock.vms[vm.name]?.ip),
          lockPath: ['vms', vm.name, 'ip'],
          path: ['vpcs', v, 'vms', i] as DataPath,
        });
      });
      const result = allocateStable(
        requests,
        {
          what: 'address',
          text: `subnet ${vpc.name}/${s.name} (${s.cidr})`,
          first: prefix.base + 1,
          last: prefix.base + prefix.size - 2,
          format: formatAddress,
          path: ['vpcs', v, 'subnets', si, 'cidr'],
          reserved: (a) => (a === gateway ? `the anycast gateway of subnet ${vpc.name}/${s.name}` : leafSvis.get(`${vpc.name}/${s.name}`)?.get(a)),
        },
        ctx,
      );
      for (const [k, a] of result) vmAddress.set(k, a);
    }),
  );

  // Hypervisor ports `vmportN` (see vm-port-name.ts), numbered per host from 0.
  const vmPort = new Map<string, number>();
  const byHost = new Map<string, PoolRequest[]>();
  vpcs.forEach((vpc, v) =>
    (vpc.vms ?? []).forEach((vm, i) => {
      const list = byHost.get(vm.host) ?? [];
      list.push({ key: vm.name, label: `VM ${vm.name}`, locked: lock.vms[vm.name]?.port, lockPath: ['vms', vm.name, 'port'], path: ['vpcs', v, 'vms', i] });
      byHost.set(vm.host, list);
    }),
  );
  for (const [host, requests] of byHost) {
    const ports = allocateStable(requests, { what: `port on ${host}`, text: `0-${MAX_SLOT}`, first: 0, last: MAX_SLOT, format: vmPortName, path: ['vpcs'] }, ctx);
    for (const [k, n] of ports) vmPort.set(k, n);
  }

  const vms: Record<string, { ip?: string; port?: number }> = {};
  for (const vpc of vpcs) {
    for (const vm of vpc.vms ?? []) {
      const a = vmAddress.get(vm.name);
      vms[vm.name] = { ip: a === undefined ? undefined : formatAddress(a), port: vmPort.get(vm.name) };
    }
  }
  return {
    vpcId,
    vlan,
    vmAddress,
    vmPort,
    lock: {
      vpcs: Object.fromEntries([...vpcId].map(([k, id]) => [k, { id }])),
      subnets: Object.fromEntries([...vlan].map(([k, v]) => [k, { vlan: v }])),
      vms,
    },
  };
}

function addressOf(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseAddress(text);
}
