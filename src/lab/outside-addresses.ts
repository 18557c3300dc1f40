// Picks one source address inside each external range an intent probes from, clear of every address the lab already uses.
import { formatAddress, parseAddress } from '../ir/ipv4.js';
import type { TopologyIR } from '../ir/topology-ir.js';

export interface AddressRange {
  readonly first: number;
  readonly last: number;
}

/** Documentation ranges (RFC 5737) first: obviously not anybody's real address in a capture. */
const PREFERRED = ['203.0.113.10', '198.51.100.10', '192.0.2.10'].map((a) => parseAddress(a) as number);

/** Addresses a host cannot send from, or that would mean something else: this network, loopback, link-local, multicast and above. */
function unusable(address: number): boolean {
  const first = address >>> 24;
  const second = (address >>> 16) & 0xff;
  const last = address & 0xff;
  return first === 0 || first === 127 || first >= 224 || (first === 169 && second === 254) || last === 0 || last === 255;
}

/** The lab's own addresses: loopbacks, hypervisors, VMs, gateways, pod subnets' gateways and pods. */
export function labAddresses(ir: TopologyIR, podAddresses: readonly string[]): Set<number> {
  const texts = [
    ...(ir.fabric?.switches.map((s) => s.loopback) ?? []),
    ...(ir.fabric?.hosts.map((h) => h.address) ?? []),
    ...ir.overlay.vms.flatMap((vm) => [vm.ip, vm.gateway]),
    ...ir.clusters.flatMap((c) => c.nodes.flatMap((n) => [n.bridgeAddress, n.vtepAddress])),
    ...podAddresses,
  ];
  return new Set(texts.map((t) => parseAddress(t.split('/')[0] ?? '')).filter((a): a is number => a !== undefined));
}

/** A usable address in the range, or undefined when every candidate is taken or unusable (the probe is then skipped). */
export function pickOutsideAddress(range: AddressRange, taken: ReadonlySet<number>): string | undefined {
  const ok = (a: number): boolean => a >= range.first && a <= range.last && !unusable(a) && !taken.has(a);
  const preferred = PREFERRED.find(ok);
  if (preferred !== undefined) return formatAddress(preferred);
  // Scan a bounded window from the start and from the middle: a range holds usable addresses near both unless tiny.
  const middle = range.first + Math.floor((range.last - range.first) / 2);
  for (const start of [range.first, middle]) {
    for (let a = start; a <= range.last && a < start + 4096; a++) if (ok(a)) return formatAddress(a);
  }
  return undefined;
}
