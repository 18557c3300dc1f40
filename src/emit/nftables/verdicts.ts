// How filter decisions are spelt in nft, so that every filter on a device must let a packet through.
import { nftString } from './nft-text.js';

/**
 * Allowed is `return`, not `accept`: `accept` in a jumped-to chain would end the whole base chain and
 * skip the device's other filters (another firewall, the security groups); `return` hands the packet
 * back to the base chain, whose policy accepts once every filter has returned it. Denied is `drop`,
 * which is final everywhere.
 */
export const VERDICT = { allow: 'return', deny: 'drop' } as const;

/** The two rules that make a filter's chain stateful, with comment texts naming the filter. */
export function statefulLines(owner: string): { note: string | null; rule: string }[] {
  return [
    { note: 'stateful: replies (and related ICMP errors) of connections allowed here pass', rule: `ct state established,related counter ${VERDICT.allow} comment ${nftString(`${owner}: replies`)}` },
    { note: null, rule: `ct state invalid counter ${VERDICT.deny} comment ${nftString(`${owner}: not part of any connection`)}` },
  ];
}
