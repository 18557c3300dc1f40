// The UDP ports that carry tunnels in a topology: the fabric's VPC VXLAN and each cluster's flannel VXLAN.
import { VPC_VXLAN_PORT } from '../ir/encapsulation.js';
import type { TopologyIR } from '../ir/topology-ir.js';


export function tunnelPorts(ir: TopologyIR): { port: number; what: string }[] {
  const out = [{ port: VPC_VXLAN_PORT, what: 'VPC VXLAN (UDP 4789)' }];
  for (const c of ir.clusters) if (c.cni.backend === 'vxlan' && c.nodes.length > 0) out.push({ port: c.cni.port, what: `cluster ${c.name}'s flannel VXLAN (UDP ${c.cni.port})` });
  return out;
}
