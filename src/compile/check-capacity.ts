// Checks every switch's used ports against `radix`: uplinks (from the top) and downlinks/host ports (from swp1) must fit.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FabricIR } from '../ir/fabric-ir.js';
import type { SpanIndex } from '../source/span-index.js';

export function checkCapacity(fabric: FabricIR, spans: SpanIndex, report: (d: Diagnostic) => void): void {
  for (const sw of fabric.switches) {
    const ports = new Map<number, string>();
    let collision: string | undefined;
    let highest = 0;
    for (const p of [...sw.interfaces.map((i) => ({ port: i.port, what: i.peer })), ...sw.hostPorts.map((h) => ({ port: h.port, what: h.host }))]) {
      const other = ports.get(p.port);
      if (other !== undefined && collision === undefined) collision = `swp${p.port} would connect both ${other} and ${p.what}`;
      ports.set(p.port, p.what);
      highest = Math.max(highest, p.port);
    }
    const used = ports.size;
    if (collision === undefined && highest <= sw.radix) continue;
    const uplinks = sw.interfaces.filter((i) => i.port > sw.radix / 2).length;
    report({
      code: 'radix-exceeded',
      severity: 'error',
      message: `${sw.role} ${sw.name} needs more than its ${sw.radix} ports (${used} links${collision ? `; ${collision}` : ''})`,
      location: spans.locate(sw.origin),
      related: [],
      hint:
        sw.role === 'leaf' || sw.role === 'border'
          ? `host ports count up from swp1 and the ${uplinks} uplinks count down from swp${sw.radix}; move hosts to another leaf or raise fabric.radix`
          : 'split the fabric into more pods, or raise fabric.radix',
    });
  }
}
