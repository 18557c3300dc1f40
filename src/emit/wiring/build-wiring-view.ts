// Turns the fabric's links into the sorted wiring table, escaped for each output format.
import type { FabricIR, LinkIR } from '../../ir/fabric-ir.js';
import { naturalCompare } from '../../ir/natural-order.js';
import type { WiringRowView, WiringView } from './wiring-view.js';
import { csvCell, markdownCell } from './table-cells.js';

/** What the Markdown table says where a link has no subnet: people read a blank cell as "missing". */
const UNNUMBERED = 'unnumbered';

export function buildWiringView(fabric: FabricIR): WiringView {
  const links = [...fabric.links].sort(byCable);
  return {
    linkCount: links.length,
    linkMode: fabric.linkMode,
    csvRows: links.map((link) => rowOf(link, link.subnet ?? '', csvCell)),
    markdownRows: links.map((link) => rowOf(link, link.subnet ?? UNNUMBERED, markdownCell)),
  };
}

function rowOf(link: LinkIR, subnet: string, cell: (value: string) => string): WiringRowView {
  return {
    aSwitch: cell(link.a.switch),
    aPort: cell(link.a.interface),
    bSwitch: cell(link.b.switch),
    bPort: cell(link.b.interface),
    subnet: cell(subnet),
  };
}

/** Natural order, so swp2 comes before swp10 and leaf2 before leaf10. */
function byCable(x: LinkIR, y: LinkIR): number {
  return (
    naturalCompare(x.a.switch, y.a.switch) ||
    naturalCompare(x.a.interface, y.a.interface) ||
    naturalCompare(x.b.switch, y.b.switch) ||
    naturalCompare(x.b.interface, y.b.interface)
  );
}
