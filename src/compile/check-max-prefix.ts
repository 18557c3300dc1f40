// After building the fabric: an ipv4 maximum-prefix below the /32s one session carries would shut sessions down at once.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FabricIR } from '../ir/fabric-ir.js';
import type { SpanIndex } from '../source/span-index.js';
import { formatPath } from '../source/data-path.js';

/**
 * The underlay carries /32s of the loopback pool only (the FABRIC-IN route-map): switch loopbacks and the hypervisors'
 * underlay addresses their leaves announce. One session can deliver all of them but the receiver's own. FRR shuts a session down once it holds more than the limit: a limit below that count
 * takes the fabric down as soon as it converges, with nothing wrong but the number.
 */
export function checkMaxPrefix(fabric: FabricIR, spans: SpanIndex, report: (d: Diagnostic) => void): void {
  const limit = fabric.bgp?.maximumPrefixIpv4;
  // Counting every hypervisor whether or not its leaf announces it keeps the bound safe either way.
  const needed = fabric.switches.length + fabric.hosts.length - 1;
  if (limit === undefined || limit >= needed) return;
  const path = ['fabric', 'bgp', 'maximumPrefix', 'ipv4'];
  report({
    code: 'bgp-max-prefix-too-low',
    severity: 'error',
    message: `maximum-prefix ${limit} is below the ${needed} underlay /32s (other switches' loopbacks, hypervisor addresses) one ipv4 unicast session can carry: FRR would shut the sessions down`,
    location: spans.locate(path),
    path: formatPath(path),
    related: [],
    hint: `use at least ${needed}, with room for the switches the fabric will grow by`,
  });
}
