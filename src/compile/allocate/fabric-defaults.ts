// Defaults for fabric fields the format leaves optional; documented in the README.

export const DEFAULT_RADIX = 64;
export const DEFAULT_FABRIC_MTU = 9216;
export const DEFAULT_SUPER_SPINE_ASN = 64900;
/** A number, not a string: a lone ASN written as a string is no range (`parseAsnRange` takes "low-high" only). */
export const DEFAULT_SPINE_ASN_TWO_TIER = 65000;
export const DEFAULT_SPINE_ASN_THREE_TIER = '65000-65099';
export const DEFAULT_LEAF_ASN = '65100-65999';
/** Name of a host's uplink toward its leaf. */
export const HOST_UPLINK = 'eth0';
/** Ids and ports are allocated from 1 to this; capacity against `radix` is checked separately with a clear error. */
export const MAX_SLOT = 65535;
