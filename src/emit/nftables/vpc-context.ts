// Makes a rule that names objects inside VPCs match only those VPCs' traffic on one device, by the interfaces that carry it there.
import type { AddressIR } from '../../ir/address-ir.js';
import type { PlacementKind } from '../../ir/firewall-ir.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import { vmsOnHost, vmsUnderLeaf } from '../../ir/vm-index.js';
import { naturalCompare } from '../../ir/natural-order.js';
import { ruleVpcs, vpcsSeenAt } from '../../ir/vpc-traffic.js';
import type { EnforcingDevice } from './device-filters.js';
import { subnetOfVm } from '../iproute2/host-trunk.js';
import { subinterfaceName } from '../iproute2/leaf-subnet-devices.js';
import { nftComment, nftSet, nftString } from './nft-text.js';
import type { NftMatch } from './nft-match.js';
import type { NftLineView } from './ruleset-view.js';

/**
 * Alternatives, any of which puts a packet in the VPCs (each becomes one copy of the rule, so first match wins is
 * kept: the copies are consecutive and share the verdict); `['']` when everything the filter sees there is theirs.
 */
export type VpcTerms = { readonly never: string } | { readonly terms: readonly string[] };

/** The VPC terms of a rule's addresses on the device the chain is built for. */
export type VpcScope = (from: AddressIR, to: AddressIR) => VpcTerms;

const EVERYTHING: VpcTerms = { terms: [''] };

/**
 * What shows a packet's VPC on each device. Border leaf: the VPC's L3 VNI bridge, which every north-south packet
 * of the VPC crosses there: leaving toward the fabric `oifname`, arriving from it `iifname` (VRFs as namespaces) or
 * `meta sdifname` (VRF devices, where `iifname` is the VRF). Leaf: the VLAN subinterfaces of the VPC's subnets
 * toward its hosts; hypervisor: its VMs' ports (a port is in one subnet, so one VPC). A VM is in one VPC.
 */
export function vpcScopeOf(ir: TopologyIR, device: EnforcingDevice, placement: PlacementKind): VpcScope {
  const seen = vpcsSeenAt(ir, placement, device.name);
  return (from, to) => {
    const vpcs = ruleVpcs(from, to);
    if (vpcs === undefined) return EVERYTHING;
    const here = seen.filter((v) => vpcs.includes(v));
    if (here.length === 0) return { never: neverHere(from, to, vpcs) };
    if (here.length === seen.length) return EVERYTHING;
    return { terms: vpcInterfaceTerms(ir, device, here) };
  };
}

/** A VM's security groups sit at its port: every packet there is its VPC's. */
export function vmVpcScope(vpc: string): VpcScope {
  return (from, to) => {
    const vpcs = ruleVpcs(from, to);
    return vpcs === undefined || vpcs.includes(vpc) ? EVERYTHING : { never: `${[from, to].filter((a) => a.vpcs !== undefined).map((a) => a.ref).join(' and ')} is not in VPC ${vpc} or a VPC peered with it` };
  };
}

function neverHere(from: AddressIR, to: AddressIR, vpcs: readonly string[]): string {
  const refs = [from, to].filter((a) => a.vpcs !== undefined).map((a) => a.ref).join(' and ');
  return vpcs.length === 0 ? `${refs} are in VPCs that are not peered` : `${refs} match only traffic of VPC ${vpcs.join(', ')}, which this device does not carry unencapsulated`;
}

function vpcInterfaceTerms(ir: TopologyIR, device: EnforcingDevice, vpcs: readonly string[]): string[] {
  const inOrOut = (names: readonly string[]): string[] => {
    const set = nftSet([...new Set(names)].sort(naturalCompare).map(nftString));
    return [`iifname ${set}`, `oifname ${set}`];
  };
  switch (device.kind) {
    case 'vm':
      return [''];
    case 'host':
      return inOrOut(vmsOnHost(ir.overlay, device.name).filter((vm) => vpcs.includes(vm.vpc)).map((vm) => vm.hostPort));
    case 'switch': {
      if (device.switch.role === 'border') {
        const set = nftSet(ir.overlay.vpcs.filter((v) => vpcs.includes(v.name)).map((v) => nftString(v.l3Bridge)));
        return [`iifname ${set}`, `meta sdifname ${set}`, `oifname ${set}`];
      }
      const hosts = new Map((ir.fabric?.hosts ?? []).map((h) => [h.name, h]));
      return inOrOut(
        vmsUnderLeaf(ir.overlay, device.name)
          .filter((vm) => vpcs.includes(vm.vpc))
          .map((vm) => {
            const host = hosts.get(vm.host);
            if (!host) throw new Error(`thrice: fabric IR has no host ${vm.host} of VM ${vm.name}`);
            return subinterfaceName(host, subnetOfVm(ir.overlay, vm).vlan);
          }),
      );
    }
  }
}

/** The lines of one rule: its note, then one rule per VPC term (or the note alone when it can never match). */
export function scopedRuleLines(what: string, match: NftMatch, terms: VpcTerms, rule: (text: string) => string): NftLineView[] {
  if ('never' in match) return [{ note: nftComment(`${what} (never matches: ${match.never})`), rule: null }];
  if ('never' in terms) return [{ note: nftComment(`${what} (never matches: ${terms.never})`), rule: null }];
  return terms.terms.map((term, i) => ({ note: i === 0 ? nftComment(what) : null, rule: rule(term === '' ? match.text : `${term} ${match.text}`) }));
}
