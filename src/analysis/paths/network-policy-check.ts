// Evaluates a pod's NetworkPolicies for one flow direction, as a check on the path with the policies that decided.
import type { K8sObjects, K8sPod } from '../../k8s/k8s-objects.js';
import type { EnforcementCheck, Flow, Header } from './path-types.js';
import { type FlowEnd, type PodFlowReader, podFlowReader } from '../../policy/pod-flow.js';
import { isAllConnections } from '../../policy/connection-set.js';
import { portsContain } from '../../policy/port-set.js';

const readers = new WeakMap<K8sObjects, PodFlowReader>();

/** Policies are read the format's way: hostNetwork pods are their node's address, never selected. */
function readerFor(model: K8sObjects): PodFlowReader {
  let reader = readers.get(model);
  if (!reader) readers.set(model, (reader = podFlowReader(model, true)));
  return reader;
}

export function checkNetworkPolicy(
  model: K8sObjects,
  pod: K8sPod,
  direction: 'Ingress' | 'Egress',
  peer: FlowEnd,
  dst: FlowEnd,
  flow: Flow,
  seen: Header,
): EnforcementCheck {
  const verdict = readerFor(model).direction(pod, direction, peer, dst);
  const set = verdict.connections;
  const allowed =
    flow.proto === 'icmp' ? isAllConnections(set) : portsContain(set[flow.proto === 'tcp' ? 'TCP' : 'UDP'], flow.port ?? 0);
  const names = (list: readonly { namespace: string; name: string }[]) => list.map((p) => `${p.namespace}/${p.name}`).join(', ');
  const kind = direction === 'Ingress' ? 'network-policy-ingress' : 'network-policy-egress';
  const first = verdict.allowedBy[0] ?? verdict.isolatedBy[0];
  return {
    kind,
    name: `${pod.namespace}/${pod.name}`,
    at: first?.location,
    sees: seen,
    verdict: allowed ? 'allow' : 'deny',
    decidedBy: allowed && verdict.allowedBy.length > 0 ? { description: `NetworkPolicy ${names(verdict.allowedBy)}`, at: verdict.allowedBy[0]?.location } : undefined,
    reason:
      verdict.isolatedBy.length === 0
        ? `no NetworkPolicy selects the pod for ${direction}, so it is not isolated`
        : allowed
          ? `isolated by ${names(verdict.isolatedBy)}; allowed by ${names(verdict.allowedBy)}`
          : `isolated by ${names(verdict.isolatedBy)}; no ${direction.toLowerCase()} rule allows ${flow.proto.toUpperCase()}${flow.port === undefined ? '' : ` ${flow.port}`} ${direction === 'Egress' ? 'to' : 'from'} this peer`,
    bypassed: [],
  };
}
