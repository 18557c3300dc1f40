// Turns the fabric's links and the leaf-to-hypervisor cables into the sorted wiring table, escaped for each output format.
import type { FabricIR, HostIR, LinkIR } from '../../ir/fabric-ir.js';
import { naturalCompare } from '../../ir/natural-order.js';
import type { WiringRowView, WiringView } from './wiring-view.js';
import { csvCell, markdownCell } from './table-cells.js';

/** What the Markdown table says where a link has no subnet: people read a blank cell as "missing". */
const UNNUMBERED = 'unnumbered';
/** What the Markdown table says on a host cable: an 802.1Q trunk, no subnet of its own. */
const HOST_TRUNK = 'host trunk';

/** One cable before escaping: fabric links first (upper tier on side A), then host cables (the leaf on side A). */
interface Cable {
  readonly kind: 'fabric' | 'host';
  readonly a: { readonly switch: string; readonly interface: string };
  readonly b: { readonly switch: string; readonly interface: string };
  readonly csvSubnet: string;
  readonly markdownSubnet: string;
}

export function buildWiringView(fabric: FabricIR): WiringView {
  const links = [...fabric.links].sort(byCable).map(fabricCable);
  const hostCables = fabric.hosts.map(hostCable).sort(byCable);
  const cables = [...links, ...hostCables];
  return {
    linkCount: links.length,
    hostCableCount: hostCables.length,
    linkMode: fabric.linkMode,
    csvRows: cables.map((c) => rowOf(c, c.csvSubnet, csvCell)),
    markdownRows: cables.map((c) => rowOf(c, c.markdownSubnet, markdownCell)),
  };
}

function fabricCable(link: LinkIR): Cable {
  return { kind: 'fabric', a: link.a, b: link.b, csvSubnet: link.subnet ?? '', markdownSubnet: link.subnet ?? UNNUMBERED };
}

function hostCable(host: HostIR): Cable {
  return {
    kind: 'host',
    a: { switch: host.leaf, interface: host.leafInterface },
    b: { switch: host.name, interface: host.uplink },
    csvSubnet: '',
    markdownSubnet: HOST_TRUNK,
  };
}

function rowOf(cable: Cable, subnet: string, cell: (value: string) => string): WiringRowView {
  return {
    aSwitch: cell(cable.a.switch),
    aPort: cell(cable.a.interface),
    bSwitch: cell(cable.b.switch),
    bPort: cell(cable.b.interface),
    subnet: cell(subnet),
    kind: cable.kind,
  };
}

/** Natural order, so swp2 comes before swp10 and leaf2 before leaf10. */
function byCable(x: Pick<LinkIR, 'a' | 'b'>, y: Pick<LinkIR, 'a' | 'b'>): number {
  return (
    naturalCompare(x.a.switch, y.a.switch) ||
    naturalCompare(x.a.interface, y.a.interface) ||
    naturalCompare(x.b.switch, y.b.switch) ||
    naturalCompare(x.b.interface, y.b.interface)
  );
}
