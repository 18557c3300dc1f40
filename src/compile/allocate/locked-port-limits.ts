// Which port numbers a locked id, slot or host port may not give: beyond `radix`, or on an uplink of the switch.
import type { SwitchDecl } from '../fabric-plan.js';

export interface LockedPortLimits {
  /** Refuses values above the radix (every id and slot is a port number on some switch). */
  readonly withinRadix: (value: number) => string | undefined;
  /** The uplink ports `swp{radix+1-id}` toward `uppers` (those with an id already), each with its description. */
  readonly uplinks: (uppers: readonly SwitchDecl[], ids: ReadonlyMap<string, number>, what: string) => ReadonlyMap<number, string>;
  /** Refuses values above the radix and the given uplink ports. */
  readonly offUplinks: (uplinks: ReadonlyMap<number, string>) => (value: number) => string | undefined;
}

export function lockedPortLimits(radix: number): LockedPortLimits {
  const withinRadix = (value: number): string | undefined => (value > radix ? `beyond fabric.radix ${radix}` : undefined);
  return {
    withinRadix,
    uplinks(uppers, ids, what) {
      const ports = new Map<number, string>();
      for (const upper of uppers) {
        const id = ids.get(upper.name);
        if (id !== undefined) ports.set(radix + 1 - id, `${what} to ${upper.name}`);
      }
      return ports;
    },
    offUplinks: (uplinks) => (value) => withinRadix(value) ?? uplinks.get(value),
  };
}
