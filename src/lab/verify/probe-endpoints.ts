// Where a probe runs and what it targets: the namespace and address standing for each endpoint instance in the lab.
import type { EndpointInstance } from '../../analysis/paths/path-types.js';
import { rangeOfText } from '../../analysis/paths/address-range.js';
import { placePods } from '../../analysis/paths/place-pods.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import { deviceNetns, podNetns } from '../lab-names.js';
import { labAddresses, pickOutsideAddress } from '../outside-addresses.js';
import type { LabPlan, PlannedOutside } from '../lab-plan-types.js';
import type { IntentPrediction } from './intent-prediction.js';

/** `binds`: with several border leaves, every source address an external end probes from (`bind` is the first). */
export type LabEndpoint = { readonly netns: string; readonly address: string; readonly bind?: string; readonly binds?: readonly string[] } | { readonly skip: string };

/**
 * Source addresses an external end probes from, with several border leaves: the fabric hashes a reply toward the
 * outside by its addresses (Linux's default multipath hash is L3), so only several outside addresses send replies
 * through every border leaf; 8 leave both of two borders unused with a chance of 1 in 128.
 */
export const OUTSIDE_SPREAD = 8;

/**
 * Addresses per external instance any intent probes (one, or OUTSIDE_SPREAD with several border leaves), chosen the
 * same way at `up` (to configure) and `verify` (to use); empty when the range has no usable address.
 */
export function outsideAddressPlan(ir: TopologyIR, predictions: readonly IntentPrediction[]): Map<string, readonly string[]> {
  const podAddresses = ir.clusters.flatMap((c) => placePods(c).flatMap((p) => (p ? [p.ip] : [])));
  const taken = labAddresses(ir, podAddresses);
  const spread = (ir.fabric?.switches.filter((s) => s.role === 'border').length ?? 0) > 1 ? OUTSIDE_SPREAD : 1;
  const plan = new Map<string, readonly string[]>();
  const instances = predictions.flatMap((p) => p.probes.flatMap((probe) => [probe.from, probe.to])).filter((i) => i.kind === 'external');
  for (const instance of [...new Map(instances.map((i) => [i.name, i])).values()].sort((a, b) => a.first - b.first)) {
    const addresses: string[] = [];
    for (let n = 0; n < spread; n++) {
      const address = pickOutsideAddress({ first: instance.first, last: instance.last }, taken);
      if (!address) break;
      addresses.push(address);
      taken.add(rangeOfText(address).first);
    }
    plan.set(instance.name, addresses);
  }
  return plan;
}

/** Where an endpoint instance is in the lab; an external one is the outside of the VPC its peer (the other end of the probe) is in. */
export function labEndpoint(plan: LabPlan, instance: EndpointInstance, outside: ReadonlyMap<string, readonly string[]>, peer?: EndpointInstance): LabEndpoint {
  switch (instance.kind) {
    case 'vm':
      return { netns: deviceNetns(plan.name, instance.vm), address: instance.address };
    case 'host':
      return { netns: deviceNetns(plan.name, instance.host), address: instance.address };
    case 'pod':
      // A host-network pod is its node: its traffic starts and ends in the node VM's namespace.
      return instance.hostNetwork
        ? { netns: deviceNetns(plan.name, instance.vm), address: instance.address }
        : { netns: podNetns(plan.name, instance.cluster, instance.namespace, instance.pod), address: instance.address };
    case 'external': {
      if (plan.outside.length === 0) return { skip: 'the fabric has no border leaf with tenant VRFs to attach the outside to' };
      const side = outsideOf(plan, peer);
      if (!side) return { skip: `no VPC's outside holds ${peer?.address ?? 'the other end'}` };
      const addresses = (outside.get(instance.name) ?? []).filter((a) => side.addresses.includes(a));
      const address = addresses[0];
      if (!address) return { skip: `no usable address in ${instance.address} (all reserved or used by the lab)` };
      return { netns: side.netns, address, bind: address, ...(addresses.length > 1 ? { binds: addresses } : {}) };
    }
  }
}

/**
 * The outside of the peer's VPC (by name: unpeered VPCs may share addresses), else the one whose VPC holds the peer's
 * address; the first one when the peer is external too (or absent).
 */
function outsideOf(plan: LabPlan, peer: EndpointInstance | undefined): PlannedOutside | undefined {
  if (!peer || peer.kind === 'external') return plan.outside[0];
  if (peer.kind === 'vm' || peer.kind === 'pod') return plan.outside.find((o) => o.vpc === peer.vpc);
  const address = rangeOfText(peer.address).first;
  return plan.outside.find((o) => {
    const range = rangeOfText(o.vpcCidr);
    return address >= range.first && address <= range.last;
  });
}
