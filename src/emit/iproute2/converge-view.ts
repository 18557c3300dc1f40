// What a script keeps when it converges: its mark, its route protocol, and the devices, addresses and routes it makes.

/**
 * Printed by templates/iproute2/_own-links.hbs and _converge.hbs. Keep lists are heredoc lines (data, not shell
 * words: a quoted heredoc expands nothing), compared whole with `grep -Fx` against what the kernel lists.
 */
export interface ConvergeView {
  /** Comment text: the script's file name, which every mark it sets carries (`thrice <owner>: ...`). */
  readonly owner: string;
  /** Shell word: the same. */
  readonly ownerWord: string;
  /**
   * Shell word: the suffix of the label this script puts on the addresses it sets on devices it did not create
   * (`':thrice'`), or `''` when it sets none there: another script's labelled addresses are not its own.
   */
  readonly labelSuffix: string;
  /** Whether it does label such addresses (the header says so only then). */
  readonly labelsAddresses: boolean;
  /** Whether the script creates devices (and so must prune the ones an earlier revision made). */
  readonly makesLinks: boolean;
  /** Shell word: the protocol number of the routes it adds, or null when it adds none. */
  readonly routeProtocol: string | null;
  /** Comment text: the same number, or null. */
  readonly routeProtocolText: string | null;
  /** Devices this revision makes, sorted. */
  readonly links: readonly string[];
  /** `<device> <address>/<length>` this revision sets, sorted. */
  readonly addresses: readonly string[];
  /** Route destinations as `ip route` prints them (`default`, a host route without `/32`), sorted. */
  readonly routes: readonly string[];
}
