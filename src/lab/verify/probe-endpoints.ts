// Where a probe runs and what it targets: the namespace and address standing for each endpoint instance in the lab.
import type { EndpointInstance } from '../../analysis/paths/path-types.js';
import { rangeOfText } from '../../analysis/paths/address-range.js';
import { placePods } from '../../analysis/paths/place-pods.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import { deviceNetns, podNetns } from '../lab-names.js';
import { labAddresses, pickOutsideAddress } from '../outside-addresses.js';
import type { LabPlan } from '../lab-plan-types.js';
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

export function labEndpoint(plan: LabPlan, instance: EndpointInstance, outside: ReadonlyMap<string, string | undefined>): LabEndpoint {
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
      const side = plan.outside[0];
      if (!side) return { skip: 'the fabric has no border leaf to attach the outside to' };
      if (!address || !side.addresses.includes(address)) return { skip: `no usable address in ${instance.address} (all reserved or used by the lab)` };
      return { netns: side.netns, address, bind: address };
    }
  }
}
