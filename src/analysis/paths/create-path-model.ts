// The path model over a compiled topology: endpoint instances and the paths between them, memoised per query.
import type { TopologyIR } from '../../ir/topology-ir.js';
import type { PathModel } from './path-model.js';
import type { AddressRange } from './address-range.js';
import { rangeOfCidr } from './address-range.js';
import { endpointInstances } from './endpoint-instances.js';
import { PathBuilder } from './build-flow-path.js';

export function createPathModel(ir: TopologyIR): PathModel {
  const builder = new PathBuilder(ir);
  let cuts: AddressRange[] | undefined;
  let internal: AddressRange[] | undefined;
  return {
    instances(endpoint) {
      cuts ??= filterRanges(ir);
      internal ??= internalRanges(ir);
      return endpointInstances(ir, endpoint, cuts, internal);
    },
    paths(from, to, flow) {
      return builder.paths(from, to, flow);
    },
  };
}

/** The topology's own address space: underlay pools, VPCs, pod and service ranges. */
function internalRanges(ir: TopologyIR): AddressRange[] {
  const cidrs = [ir.fabric?.loopbackPool, ir.fabric?.linkPool, ...ir.overlay.vpcs.map((v) => v.cidr), ...ir.clusters.flatMap((c) => [c.podCidr, c.serviceCidr])];
  return cidrs.map((c) => (c ? rangeOfCidr(c) : undefined)).filter((r): r is AddressRange => r !== undefined);
}

/** Every range a filter distinguishes: firewall and security-group addresses, NetworkPolicy ipBlocks. */
function filterRanges(ir: TopologyIR): AddressRange[] {
  const cidrs = [
    ...ir.firewalls.flatMap((f) => f.rules.flatMap((r) => [...r.from.cidrs, ...r.to.cidrs])),
    ...ir.overlay.vpcs.flatMap((v) => v.securityGroups.flatMap((g) => [...g.ingress, ...(g.egress ?? [])].flatMap((r) => r.peer.cidrs))),
  ];
  const ranges = cidrs.map(rangeOfCidr).filter((r): r is AddressRange => r !== undefined);
  for (const c of ir.clusters) {
    for (const p of c.policyModel.networkPolicies) {
      for (const rule of [...p.ingress, ...p.egress]) {
        if (rule.peers === 'all') continue;
        for (const peer of rule.peers) if (peer.type === 'ipBlock') ranges.push(peer.cidr, ...peer.except);
      }
    }
  }
  return ranges;
}
