// Where a probe runs and what it targets: the namespace and address standing for each endpoint instance in the lab.
import type { EndpointInstance } from '../../analysis/paths/path-types.js';
import { rangeOfText } from '../../analysis/paths/address-range.js';
import { placePods } from '../../analysis/paths/place-pods.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import { deviceNetns, podNetns } from '../lab-names.js';
import { labAddresses, pickOutsideAddress } from '../outside-addresses.js';
import type { LabPlan, PlannedOutside } from '../lab-plan-types.js';
import type { IntentPrediction } from './intent-prediction.js';

export type LabEndpoint = { readonly netns: string; readonly address: string; readonly bind?: string } | { readonly skip: string };

/** One address per external instance any intent probes, chosen the same way at `up` (to configure) and `verify` (to use). */
export function outsideAddressPlan(ir: TopologyIR, predictions: readonly IntentPrediction[]): Map<string, string | undefined> {
  const podAddresses = ir.clusters.flatMap((c) => placePods(c).flatMap((p) => (p ? [p.ip] : [])));
  const taken = labAddresses(ir, podAddresses);
  const plan = new Map<string, string | undefined>();
  const instances = predictions.flatMap((p) => p.probes.flatMap((probe) => [probe.from, probe.to])).filter((i) => i.kind === 'external');
  for (const instance of [...new Map(instances.map((i) => [i.name, i])).values()].sort((a, b) => a.first - b.first)) {
    const address = pickOutsideAddress({ first: instance.first, last: instance.last }, taken);
    plan.set(instance.name, address);
    if (address) taken.add(rangeOfText(address).first);
  }
  return plan;
}

/** Where an endpoint instance is in the lab; an external one is the outside of the VPC its peer (the other end of the probe) is in. */
export function labEndpoint(plan: LabPlan, instance: EndpointInstance, outside: ReadonlyMap<string, string | undefined>, peer?: EndpointInstance): LabEndpoint {
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
      const address = outside.get(instance.name);
      if (plan.outside.length === 0) return { skip: 'the fabric has no border leaf with tenant VRFs to attach the outside to' };
      const side = outsideOf(plan, peer);
      if (!side) return { skip: `no VPC's outside holds ${peer?.address ?? 'the other end'}` };
      if (!address || !side.addresses.includes(address)) return { skip: `no usable address in ${instance.address} (all reserved or used by the lab)` };
      return { netns: side.netns, address, bind: address };
    }
  }
}

/** The outside whose VPC holds the peer's address; the first one when the peer is external too (or absent). */
function outsideOf(plan: LabPlan, peer: EndpointInstance | undefined): PlannedOutside | undefined {
  if (!peer || peer.kind === 'external') return plan.outside[0];
  const address = rangeOfText(peer.address).first;
  return plan.outside.find((o) => {
    const range = rangeOfText(o.vpcCidr);
    return address >= range.first && address <= range.last;
  });
}
