// Enumerates the behaviours a source behaviour may reach without testing every pair: only the candidates its rows name.
import { type ConnectionId, NONE } from './connection-table.js';
import type { PeerRow } from './peer-row.js';

export type ReachVisitor = (d: number, id: ConnectionId) => void;

/**
 * A source whose egress names a few peers can reach only those. Otherwise the candidates come from the
 * destinations' side: those not isolated, those whose ingress admits everyone to some degree, and those
 * whose ingress names this source. Each destination has one ingress row, so no candidate comes twice.
 */
export function reachability(
  ingressRowOf: readonly (PeerRow | undefined)[],
  egressRowOf: readonly (PeerRow | undefined)[],
  connection: (s: number, d: number) => ConnectionId,
): (s: number, visit: ReachVisitor) => void {
  let index: { open: number[]; admitted: Map<number, number[][]> } | undefined;
  const buildIndex = (): { open: number[]; admitted: Map<number, number[][]> } => {
    const open: number[] = [];
    const destinationsOfRow = new Map<PeerRow, number[]>();
    ingressRowOf.forEach((row, d) => {
      if (!row || row.dense || row.base !== NONE) open.push(d);
      else {
        let list = destinationsOfRow.get(row);
        if (!list) destinationsOfRow.set(row, (list = []));
        list.push(d);
      }
    });
    // Source behaviour → the destination lists of the rows naming it.
    const admitted = new Map<number, number[][]>();
    for (const [row, destinations] of destinationsOfRow) {
      for (const s of row.entries.keys()) {
        let lists = admitted.get(s);
        if (!lists) admitted.set(s, (lists = []));
        lists.push(destinations);
      }
    }
    return { open, admitted };
  };

  return (s, visit) => {
    const test = (d: number): void => {
      const id = connection(s, d);
      if (id !== NONE) visit(d, id);
    };
    const egress = egressRowOf[s];
    if (egress && !egress.dense && egress.base === NONE) {
      for (const d of egress.entries.keys()) test(d);
      return;
    }
    index ??= buildIndex();
    for (const d of index.open) test(d);
    for (const destinations of index.admitted.get(s) ?? []) for (const d of destinations) test(d);
  };
}
