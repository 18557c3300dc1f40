// The limits every YAML file thrice reads must keep (specs, lock files and manifests are untrusted): documented in the README.

/** Lists and mappings nested deeper than this are refused (`yaml-too-deep`); real specs nest about 8 levels. */
export const MAX_DEPTH = 64;

/** A list with more items, or a mapping with more keys, than this is refused (`yaml-too-many-items`) while it is read. */
export const MAX_ENTRIES = 1_000_000;

/** More alias expansions than this in one document is treated as a "billion laughs" attack (`yaml-alias-bomb`). */
export const MAX_ALIAS_COUNT = 100;

/** Lists longer than this have their start noted by the fast parser, so a list-length error needs no position-tracking parse. */
export const LONG_LIST = 64;

/**
 * A file the fast parser rejects is parsed again by `yaml` for its (more complete) error messages, which costs about
 * 2 seconds per MiB; above this size js-yaml's first error is reported instead.
 */
export const SLOW_PATH_MAX_BYTES = 2 * 1024 * 1024;
