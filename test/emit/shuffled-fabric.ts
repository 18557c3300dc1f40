// A copy of a FabricIR with every list reversed, to prove that emitters sort rather than trust input order.
import type { FabricIR } from '../../src/ir/fabric-ir.js';

export function shuffledFabric(fabric: FabricIR): FabricIR {
  return {
    ...fabric,
    switches: [...fabric.switches].reverse().map((sw) => ({
      ...sw,
      interfaces: [...sw.interfaces].reverse(),
      hostPorts: [...sw.hostPorts].reverse(),
    })),
    links: [...fabric.links].reverse(),
    hosts: [...fabric.hosts].reverse(),
  };
}
