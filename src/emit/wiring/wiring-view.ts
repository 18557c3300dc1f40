// The ready-to-print shape of the fabric wiring table, once per output format (CSV and Markdown).

export interface WiringView {
  readonly linkCount: number;
  readonly linkMode: 'unnumbered' | 'numbered';
  /** Cells escaped for CSV; `subnet` is empty on unnumbered links. */
  readonly csvRows: readonly WiringRowView[];
  /** Cells escaped for a Markdown table; `subnet` reads `unnumbered` on unnumbered links. */
  readonly markdownRows: readonly WiringRowView[];
}

/** One cable; `a` is the upper tier. Rows are sorted by a switch, a port, b switch, b port (natural order). */
export interface WiringRowView {
  readonly aSwitch: string;
  readonly aPort: string;
  readonly bSwitch: string;
  readonly bPort: string;
  readonly subnet: string;
}
