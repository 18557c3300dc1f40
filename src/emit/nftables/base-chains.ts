// The base chains thrice hooks into, per table family: their names, hooks, priorities and what each sees.

export type NftFamily = 'inet' | 'bridge';
export type NftHook = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';

/** A rule in a base chain that hands some packets to a filter's chain. */
export interface Dispatch {
  readonly family: NftFamily;
  readonly hook: NftHook;
  /** One nft rule: a match, then `jump` or a verdict map, with its comment. */
  readonly rule: string;
}

export interface BaseChainRow {
  readonly priority: string;
  /** Comment text. */
  readonly comment: string;
}

/** Hooks in the order packets meet them; base chains are printed in this order. */
export const HOOK_ORDER: readonly NftHook[] = ['prerouting', 'input', 'forward', 'output', 'postrouting'];

/**
 * Base chain names contain `_`, which names (DNS labels) never do, so they cannot clash with the
 * filters' chains. Every base chain accepts by policy: it only dispatches; the filters' chains decide,
 * and a packet passes only if every filter on the device lets it through (allow is `return`).
 */
export const BASE_CHAINS: Readonly<Record<NftFamily, Partial<Record<NftHook, BaseChainRow>>>> = {
  inet: {
    // After connection tracking (-200) and before DNAT (-100): the header as it arrived, with its state.
    prerouting: { priority: 'dstnat - 50', comment: 'every packet as it arrives, before any address translation' },
    forward: { priority: 'filter', comment: 'routed traffic between ports' },
    // After SNAT and masquerade (100): the header as it leaves.
    postrouting: { priority: 'srcnat + 50', comment: 'every packet as it leaves, after masquerade' },
  },
  bridge: {
    // Before the bridge decides where a frame goes: what a port hands in, whether forwarded or for this device.
    prerouting: { priority: 'filter', comment: 'every frame as a port hands it in, before the bridge forwards it or passes it up' },
    input: { priority: 'filter', comment: 'frames from a port up to the bridge itself (to be routed, or for this device)' },
    forward: { priority: 'filter', comment: 'frames bridged from port to port' },
    output: { priority: 'filter', comment: 'frames from the bridge itself down to a port (routed, or from this device)' },
  },
};

export function baseChainName(hook: NftHook): string {
  return `filter_${hook}`;
}

/** Bridge tables see every frame: only IP is judged, so that ARP (which IPv4 needs) always passes. */
export const BRIDGE_IP_ONLY = 'ether type { ip, ip6 }';
