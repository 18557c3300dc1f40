// Allocates each serving leaf's own SVI address per subnet (beside the anycast gateway): from the top of the subnet down, locked.
import type { DataPath } from '../../source/data-path.js';
import type { Spec } from '../../spec/spec-types.js';
import type { LockFile } from '../lock-file.js';
import { formatAddress, parseAddress, parsePrefix } from '../../ir/ipv4.js';
import { type AllocationContext, type PoolRequest, allocateStable } from './stable-pool.js';

export interface LeafGatewayAllocation {
  /** Keyed `vpc/subnet/leaf`: the leaf's own address on the subnet's SVI. */
  readonly address: ReadonlyMap<string, number>;
  /** Keyed `vpc/subnet`: the addresses VMs of the subnet must not get, and whose they are. */
  readonly taken: ReadonlyMap<string, ReadonlyMap<number, string>>;
  readonly lock: Pick<LockFile, 'gateways'>;
}

/** The lock key of a leaf's SVI address in a subnet. */
export function leafGatewayKey(vpc: string, subnet: string, leaf: string): string {
  return `${vpc}/${subnet}/${leaf}`;
}

/**
 * A leaf ARPing for a host of a stretched subnet must do so from an address and MAC of its own: from the shared
 * anycast pair, the reply goes to whichever leaf is nearest the host. So every leaf serving a subnet (a VM of it
 * sits under the leaf) gets one address of the subnet. They count down from the last usable address, as VMs count
 * up after the gateway, and are locked like VM addresses: adding a leaf or a VM never moves another. Runs before
 * the VM allocation and yields to it: an address a VM pins or has locked is skipped (a locked leaf address a VM
 * now pins moves silently, as a pin moves any locked value). `hostLeaf` is empty when the leaves are no VTEPs.
 */
export function allocateLeafGateways(spec: Spec, lock: LockFile, hostLeaf: ReadonlyMap<string, string>, ctx: AllocationContext): LeafGatewayAllocation {
  const address = new Map<string, number>();
  const taken = new Map<string, Map<number, string>>();
  const gateways: Record<string, { ip: string }> = {};
  (spec.vpcs ?? []).forEach((vpc, v) =>
    vpc.subnets.forEach((s, si) => {
      const prefix = parsePrefix(s.cidr);
      const vms = (vpc.vms ?? []).filter((vm) => vm.subnet === s.name);
      const leaves = [...new Set(vms.map((vm) => hostLeaf.get(vm.host)).filter((l): l is string => l !== undefined))].sort();
      if (!prefix || leaves.length === 0) return;
      // VM addresses the VM allocation will keep: pins, then locks (a malformed one is reported there).
      const vmHeld = new Map<number, string>();
      for (const vm of vms) {
        const held = vm.ip === undefined ? parseAddress(lock.vms[vm.name]?.ip ?? '') : parseAddress(vm.ip);
        if (held !== undefined && !vmHeld.has(held)) vmHeld.set(held, `the address of VM ${vm.name}`);
      }
      const last = prefix.base + prefix.size - 2;
      const subnetPath: DataPath = ['vpcs', v, 'subnets', si];
      const requests: PoolRequest[] = leaves.map((leaf) => {
        const key = leafGatewayKey(vpc.name, s.name, leaf);
        const locked = parseAddress(lock.gateways[key]?.ip ?? '');
        return {
          key,
          label: `leaf ${leaf} in subnet ${vpc.name}/${s.name}`,
          locked: locked === undefined || vmHeld.has(locked) ? undefined : last - locked,
          lockPath: ['gateways', key, 'ip'],
          path: subnetPath,
        };
      });
      // Index i is address last - i: the pool hands out the lowest free index, so the highest free address.
      const result = allocateStable(
        requests,
        {
          what: 'leaf SVI address',
          text: `subnet ${vpc.name}/${s.name} (${s.cidr})`,
          first: 0,
          last: last - (prefix.base + 2),
          format: (i) => formatAddress(last - i),
          path: [...subnetPath, 'cidr'],
          reserved: (i) => vmHeld.get(last - i),
        },
        ctx,
      );
      const own = new Map<number, string>();
      for (const [key, i] of result) {
        address.set(key, last - i);
        gateways[key] = { ip: formatAddress(last - i) };
        own.set(last - i, `the SVI address of leaf ${key.slice(key.lastIndexOf('/') + 1)}`);
      }
      taken.set(`${vpc.name}/${s.name}`, own);
    }),
  );
  return { address, taken, lock: { gateways } };
}
