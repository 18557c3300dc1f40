// Rules for clusters: nodes sit in the cluster's VPC and in one cluster only, node pod subnets fit podCidr and hold pods, pod MTU budget.
import type { SemanticRule } from './semantic-rule.js';
import { parsePrefix } from '../../ir/ipv4.js';
import { BACKEND_OVERHEAD, clusterDefaults } from '../../compile/allocate/cluster-defaults.js';
import { VXLAN_OVERHEAD } from '../../ir/encapsulation.js';
import { DEFAULT_FABRIC_MTU } from '../../compile/allocate/fabric-defaults.js';

/** Below this a pod network breaks IPv6 and many TCP stacks' assumptions; flannel refuses smaller MTUs too. */
const MIN_POD_MTU = 1280;
/** A node subnet holds the node's cni0 address and its pods: a /30 has two usable addresses, a /31 or /32 too few. */
const MAX_NODE_CIDR_SIZE = 30;

export const clusterRules: SemanticRule = {
  name: 'cluster-rules',
  codes: [
    { code: 'cluster-without-vpc', severity: 'error', summary: 'A cluster lists nodes but no VPC to find them in.' },
    { code: 'node-in-two-clusters', severity: 'error', summary: 'A VM is a node of two clusters.' },
    { code: 'node-cidr-size', severity: 'error', summary: '`nodeCidrSize` is shorter than the pod CIDR prefix, so no node subnet fits, or longer than /30, so a node subnet holds no pod.' },
    { code: 'mtu-budget', severity: 'error', summary: 'An MTU does not fit the layer budget (each VXLAN layer costs 50 bytes).' },
  ],
  check(spec, ctx) {
    const owner = new Map<string, { cluster: string; path: (string | number)[] }>();
    const vmMtu = new Map<string, number>();
    const fabricMtu = spec.fabric?.mtu ?? DEFAULT_FABRIC_MTU;
    for (const vpc of spec.vpcs ?? []) for (const vm of vpc.vms ?? []) vmMtu.set(vm.name, vm.mtu ?? fabricMtu - VXLAN_OVERHEAD);
    (spec.clusters ?? []).forEach((cluster, ci) => {
      const nodes = cluster.nodes ?? [];
      if (nodes.length > 0 && cluster.vpc === undefined) {
        ctx.report('cluster-without-vpc', ['clusters', ci, 'nodes'], `cluster ${cluster.name} has nodes but no \`vpc\``, { atKey: true, hint: 'add `vpc: <name>` naming the VPC of the node VMs' });
      }
      nodes.forEach((node, i) => {
        const path = ['clusters', ci, 'nodes', i];
        const first = owner.get(node);
        if (first) {
          ctx.report('node-in-two-clusters', path, `VM ${node} is already a node of cluster ${first.cluster}`, { related: [{ path: first.path, message: 'first listed here' }] });
        } else {
          owner.set(node, { cluster: cluster.name, path });
        }
      });
      const settings = clusterDefaults(cluster);
      const pool = parsePrefix(settings.podCidr);
      if (pool && settings.nodeCidrSize < pool.length) {
        ctx.report('node-cidr-size', ['clusters', ci, cluster.nodeCidrSize === undefined ? 'podCidr' : 'nodeCidrSize'], `nodeCidrSize /${settings.nodeCidrSize} is larger than the pod CIDR ${settings.podCidr}`, {
          hint: `use a nodeCidrSize of at least ${pool.length} (usually 24)`,
        });
      } else if (settings.nodeCidrSize > MAX_NODE_CIDR_SIZE) {
        ctx.report('node-cidr-size', ['clusters', ci, 'nodeCidrSize'], `a /${settings.nodeCidrSize} node subnet has no address for a pod once the node's cni0 bridge has its own`, {
          hint: `use a nodeCidrSize of at most ${MAX_NODE_CIDR_SIZE} (usually 24: 253 pods per node)`,
        });
      }
      const mtus = nodes.map((n) => vmMtu.get(n)).filter((m): m is number => m !== undefined);
      if (mtus.length === 0) return;
      const podMtu = Math.min(...mtus) - BACKEND_OVERHEAD[settings.backend];
      if (podMtu < MIN_POD_MTU) {
        ctx.report('mtu-budget', ['clusters', ci, 'cni'], `the pod network of cluster ${cluster.name} would have MTU ${podMtu} (node MTU ${Math.min(...mtus)} minus ${BACKEND_OVERHEAD[settings.backend]} for ${settings.backend}), below ${MIN_POD_MTU}`, {
          atKey: cluster.cni !== undefined,
          hint: 'raise the node VMs\' MTU (and fabric.mtu), or use the host-gw backend',
        });
      }
    });
  },
};
