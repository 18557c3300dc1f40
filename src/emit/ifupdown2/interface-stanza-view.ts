// The ready-to-print shape of one `iface` stanza of an ifupdown2 interfaces file: keyword/value lines, post-up commands last.

export interface InterfaceStanzaView {
  /** Comment text above the stanza: what the device is; `null` for none. */
  readonly comment: string | null;
  /** The device name, as written after `auto` and `iface`. */
  readonly name: string;
  /** `' inet loopback'` for `lo` (ifupdown's method for it), `''` otherwise. */
  readonly method: string;
  /** In print order: native attributes first, then `post-up` commands. */
  readonly attributes: readonly StanzaAttributeView[];
}

export interface StanzaAttributeView {
  /** Comment text printed above the line (why a `post-up` is needed); `null` for none. */
  readonly why: string | null;
  /** An ifupdown2 attribute keyword that `ifquery --syntax-help` lists, e.g. `vxlan-id`, `post-up`. */
  readonly keyword: string;
  /** The rest of the line: a plain value, or for `post-up` a shell command with quoted words. */
  readonly value: string;
}
