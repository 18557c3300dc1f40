// The ready-to-print shape of one device's nftables file: every rule already nft text, every comment already one line.

export interface NftRulesetView {
  /** Comment text: the device and what it is. */
  readonly title: string;
  /** Comment text, one line per filter the device enforces. */
  readonly enforces: readonly string[];
  /** `inet thrice`, `bridge thrice`: every table thrice owns, deleted before the new definitions. */
  readonly resetTables: readonly string[];
  /** The tables this device needs, inet before bridge. */
  readonly tables: readonly NftTableView[];
}

export interface NftTableView {
  /** `inet thrice` or `bridge thrice`. */
  readonly table: string;
  /** Comment text: what the table filters. */
  readonly comment: string;
  /** Named maps, declared before the chains that use them. */
  readonly maps: readonly NftMapView[];
  /** Base chains (hook order) first, then the filters' own chains. */
  readonly chains: readonly NftChainView[];
}

export interface NftMapView {
  /** An nft identifier. */
  readonly name: string;
  /** Comment text printed above the map. */
  readonly comment: string;
  /** `typeof iifname : ct zone`. */
  readonly type: string;
  /** `"key" : value, …`: the elements, already nft text. */
  readonly elements: string;
}

export interface NftChainView {
  /** An nft identifier: `filter_forward`, `fw_<firewall>`, `sg_<vm>_ingress`. */
  readonly name: string;
  /** Comment text printed above the chain. */
  readonly comment: string;
  /** Base chains: `type filter hook … priority …; policy accept;`; regular chains: null. */
  readonly hook: string | null;
  readonly lines: readonly NftLineView[];
}

export interface NftLineView {
  /** Comment text printed on its own line before the rule; null for none. */
  readonly note: string | null;
  /** One nft rule; null when the line is only a note (a rule that can never match). */
  readonly rule: string | null;
}
