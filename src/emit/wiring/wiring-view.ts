// The ready-to-print shape of the fabric wiring table, once per output format (CSV and Markdown).

export interface WiringView {
  /** Fabric links (switch to switch). */
  readonly linkCount: number;
  /** Leaf-to-hypervisor cables. */
  readonly hostCableCount: number;
  readonly linkMode: 'unnumbered' | 'numbered';
  /** Cells escaped for CSV; `subnet` is empty on unnumbered links and host cables. */
  readonly csvRows: readonly WiringRowView[];
  /** Cells escaped for a Markdown table; `subnet` reads `unnumbered` on unnumbered links, `host trunk` on host cables. */
  readonly markdownRows: readonly WiringRowView[];
}

/**
 * One cable; `a` is the upper tier (the leaf on a host cable, `b` then being the host and its uplink). Fabric links
 * come first, then host cables, each sorted by a switch, a port, b switch, b port (natural order).
 */
export interface WiringRowView {
  readonly aSwitch: string;
  readonly aPort: string;
  readonly bSwitch: string;
  readonly bPort: string;
  readonly subnet: string;
  /** `fabric` (switch to switch) or `host` (leaf to hypervisor); a fixed word, safe in both formats. */
  readonly kind: 'fabric' | 'host';
}
