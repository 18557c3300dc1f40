// Which VPCs' traffic a firewall placement sees unencapsulated on one device: where a reference into a VPC can match.
import type { AddressIR } from './address-ir.js';
import type { PlacementKind } from './firewall-ir.js';
import type { TopologyIR } from './topology-ir.js';
import { vmsOnHost, vmsUnderLeaf } from './vm-index.js';
import { naturalCompare } from './natural-order.js';

/**
 * Spines and super-spines carry VPC traffic only inside VPC VXLAN (the underlay's header); a border leaf terminates
 * every VPC's VRF; a leaf's host ports and a hypervisor's VM ports carry the VPCs of the VMs behind them; a VM is in
 * one VPC. Sorted by name.
 */
export function vpcsSeenAt(ir: TopologyIR, kind: PlacementKind, device: string): string[] {
  const of = (vms: readonly { readonly vpc: string }[]): string[] => [...new Set(vms.map((vm) => vm.vpc))].sort(naturalCompare);
  switch (kind) {
    case 'spines':
    case 'superSpines':
      return [];
    case 'border':
      return ir.overlay.vpcs.map((v) => v.name).sort(naturalCompare);
    case 'leaf':
      return of(vmsUnderLeaf(ir.overlay, device));
    case 'host':
      return of(vmsOnHost(ir.overlay, device));
    case 'vm':
      return of(ir.overlay.vms.filter((vm) => vm.name === device));
  }
}

/** The VPCs a rule's packets must be in: both references' (intersected) when both are VPC-scoped; undefined when neither is. */
export function ruleVpcs(from: AddressIR, to: AddressIR): readonly string[] | undefined {
  if (from.vpcs === undefined) return to.vpcs;
  if (to.vpcs === undefined) return from.vpcs;
  return from.vpcs.filter((v) => to.vpcs?.includes(v));
}
