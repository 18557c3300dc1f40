// After allocation: warns once per tier when a switch got a public ASN (the pool reached past the private range).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FabricIR } from '../ir/fabric-ir.js';
import type { SpanIndex } from '../source/span-index.js';
import { isPrivateAsn, isReservedAsn } from '../ir/asn.js';

export function checkAsns(fabric: FabricIR, spans: SpanIndex, report: (d: Diagnostic) => void): void {
  const warned = new Set<string>();
  for (const sw of fabric.switches) {
    const tier = sw.role === 'border' ? 'leaf' : sw.role;
    if (warned.has(tier)) continue;
    if (isReservedAsn(sw.asn)) {
      warned.add(tier);
      report({
        code: 'asn-reserved',
        severity: 'error',
        message: `${sw.role} ${sw.name} has ASN ${sw.asn}, which is reserved and cannot be used in BGP`,
        location: spans.locate(sw.origin),
        related: [],
        hint: 'choose ASNs outside 0, 23456, 64496-64511, 65535, 65536-65551 and 4294967295',
      });
    } else if (!isPrivateAsn(sw.asn)) {
      warned.add(tier);
      report({
        code: 'asn-not-private',
        severity: 'warning',
        message: `${sw.role} ${sw.name} has ASN ${sw.asn}, outside the private ranges (64512-65534, 4200000000-4294967294)`,
        location: spans.locate(sw.origin),
        related: [],
        hint: 'public ASNs inside a fabric leak easily; use private ones (a 4-byte range such as 4200000000-4200099999 scales best)',
      });
    }
  }
}
