// Resolves an intent endpoint to concrete instances: VMs, pods on their nodes, hypervisors, or external ranges split where filters cut them.
import type { EndpointSpec } from '../../spec/spec-types.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import type { ClusterIR } from '../../ir/cluster-ir.js';
import type { EndpointInstance } from './path-types.js';
import { type AddressRange, formatRange, rangeOfCidr } from './address-range.js';
import { placePods } from './place-pods.js';

export function endpointInstances(ir: TopologyIR, endpoint: EndpointSpec, cuts: readonly AddressRange[], internal: readonly AddressRange[]): EndpointInstance[] {
  if ('external' in endpoint) return externalInstances(endpoint.external, cuts, internal);
  if ('host' in endpoint) {
    const h = ir.fabric?.hosts.find((x) => x.name === endpoint.host);
    return h ? [{ kind: 'host', name: `host ${h.name}`, address: h.address, host: h.name, leaf: h.leaf }] : [];
  }
  if ('vm' in endpoint) return ir.overlay.vms.filter((v) => v.name === endpoint.vm).map(vmInstance);
  if ('subnet' in endpoint) {
    const [vpc, subnet] = endpoint.subnet.split('/');
    return ir.overlay.vms.filter((v) => v.vpc === vpc && v.subnet === subnet).map(vmInstance);
  }
  if ('workload' in endpoint) {
    const [clusterName, namespace, name] = endpoint.workload.split('/');
    const cluster = ir.clusters.find((c) => c.name === clusterName);
    return cluster ? podInstances(ir, cluster, (pod) => pod.namespace === namespace && (pod.owner?.name === name || (pod.owner === undefined && pod.name === name))) : [];
  }
  const { cluster: clusterName, namespace, selector } = endpoint.pods;
  const cluster = ir.clusters.find((c) => c.name === clusterName);
  if (!cluster) return [];
  return podInstances(ir, cluster, (pod) => (namespace === undefined || pod.namespace === namespace) && Object.entries(selector ?? {}).every(([k, v]) => pod.labels[k] === v));
}

function vmInstance(vm: TopologyIR['overlay']['vms'][number]): EndpointInstance {
  return { kind: 'vm', name: `vm ${vm.name}`, address: vm.ip, vm: vm.name, vpc: vm.vpc, subnet: vm.subnet, host: vm.host, leaf: vm.leaf };
}

function podInstances(ir: TopologyIR, cluster: ClusterIR, keep: (pod: ClusterIR['policyModel']['pods'][number]) => boolean): EndpointInstance[] {
  const placement = placePods(cluster);
  const vms = new Map(ir.overlay.vms.map((v) => [v.name, v]));
  const out: EndpointInstance[] = [];
  cluster.policyModel.pods.forEach((pod, podIndex) => {
    const place = placement[podIndex];
    const vm = place ? vms.get(place.node) : undefined;
    if (!keep(pod) || !place || !vm) return;
    out.push({
      kind: 'pod',
      name: `pod ${pod.namespace}/${pod.name} on ${vm.name}`,
      address: place.ip,
      cluster: cluster.name,
      namespace: pod.namespace,
      pod: pod.name,
      workload: pod.owner?.name,
      hostNetwork: pod.hostNetwork,
      podIndex,
      vm: vm.name,
      vpc: vm.vpc,
      subnet: vm.subnet,
      host: vm.host,
      leaf: vm.leaf,
    });
  });
  return out;
}

/**
 * The range minus the topology's own address space (an outside source claiming a VPC or pod address is spoofed, and
 * border leaves drop it), split at every cut boundary, so each piece meets every filter entirely or not at all.
 */
function externalInstances(cidr: string, cuts: readonly AddressRange[], internal: readonly AddressRange[]): EndpointInstance[] {
  const range = rangeOfCidr(cidr);
  if (!range) return [];
  const points = new Set<number>([range.first]);
  for (const c of [...cuts, ...internal]) {
    if (c.first > range.first && c.first <= range.last) points.add(c.first);
    if (c.last + 1 > range.first && c.last + 1 <= range.last) points.add(c.last + 1);
  }
  const starts = [...points].sort((a, b) => a - b);
  const pieces = starts
    .map((first, i) => ({ first, last: i + 1 < starts.length ? (starts[i + 1] as number) - 1 : range.last }))
    .filter((p) => !internal.some((r) => r.first <= p.first && p.last <= r.last));
  const whole = pieces.length === 1 && pieces[0]?.first === range.first && pieces[0]?.last === range.last;
  return pieces.map(({ first, last }) => {
    const text = whole ? cidr : formatRange({ first, last });
    return { kind: 'external', name: `external ${text}`, address: text, first, last };
  });
}
