// Rule: container ports published as hostPort are reachable at the node VM's address, outside the pod CIDR.
import type { AnalysisRule } from '../analysis-rule.js';
import { listSome } from '../finding-text.js';

export const hostPortWorkload: AnalysisRule = {
  code: 'host-port-workload',
  severity: 'warning',
  summary: 'A workload publishes a container port as a hostPort on its nodes\' addresses.',
  docs:
    'A `hostPort` makes the node forward its own address and port to the pod (flannel\'s portmap plugin installs the ' +
    'DNAT). The pod is then reachable at the node VM\'s VPC address, so the filters in front of it, security groups on ' +
    'the VM port, host and VM firewalls, see the node address and the host port, never the pod address: rules written ' +
    'for the pod CIDR or for `pods:<cluster>` do not cover it, and anything allowed to reach the node on that port ' +
    'reaches the pod. Each node can run only one pod using the port, and it competes with the node\'s own services. ' +
    'Fix: expose the workload through a Service instead, or restrict the host port in the node security group. Only the ' +
    'spec\'s workloads are checked: the policy model keeps no hostPort for imported pods.',
  check(ctx) {
    for (const cluster of ctx.ir.clusters) {
      const address = new Map(cluster.nodes.map((n) => [n.name, n.address]));
      for (const w of cluster.workloads) {
        // Host-network pods bind the node's ports directly; host-network-workload reports them.
        if (w.hostNetwork) continue;
        w.ports.forEach((p, j) => {
          if (p.hostPort === undefined) return;
          const nodes = [...new Set(w.pods.map((pod) => pod.node))].map((n) => `${n} (${address.get(n) ?? 'no address'})`);
          ctx.report([...w.origin, 'ports', j, 'hostPort'], `workload ${w.namespace}/${w.name} publishes ${p.protocol} ${p.port} as hostPort ${p.hostPort} on ${listSome(nodes) || 'its nodes'}: filters on the VPC path see the node address there, not the pod's`, {
            hint: 'use a Service, or make sure the node security group admits the host port only from where it should',
          });
        });
      }
    }
  },
};
