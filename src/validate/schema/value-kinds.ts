// What each kind of value in the schema ($defs entry) is called in messages, with hints for common slips.
import { closestMatch } from './suggest.js';

export interface ValueKind {
  /** Completes "<field> must be …". */
  readonly noun: string;
  /** A hint for a value that failed this kind's pattern or type. */
  readonly hint?: (value: unknown) => string | undefined;
}

const NAME_RULE = 'a DNS label ([a-z0-9-], at most 63 characters, starting and ending with a letter or digit)';
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Reference prefixes and what follows each, shared by addresses and firewall placements. */
const REFERENCES: Readonly<Record<string, string>> = {
  vpc: `a VPC name, ${NAME_RULE}`,
  subnet: `<vpc>/<subnet>, each ${NAME_RULE}`,
  vm: `a VM name, ${NAME_RULE}`,
  host: `a host name, ${NAME_RULE}`,
  leaf: `a leaf name, ${NAME_RULE}`,
  pods: `a cluster name, ${NAME_RULE}`,
  services: `a cluster name, ${NAME_RULE}`,
};

function referenceHint(allowed: readonly string[], words: readonly string[]) {
  return (value: unknown): string | undefined => {
    if (typeof value !== 'string') return undefined;
    if (IPV4.test(value)) return `write a single address as ${value}/32`;
    const colon = value.indexOf(':');
    if (colon < 0) {
      const word = closestMatch(value, words);
      return word ? `did you mean "${word}"?` : undefined;
    }
    const kind = value.slice(0, colon);
    if (allowed.includes(kind)) return `after "${kind}:" comes ${REFERENCES[kind] ?? NAME_RULE}`;
    const near = closestMatch(kind, allowed);
    return near ? `did you mean "${near}:"?` : `references start with ${allowed.map((k) => `${k}:`).join(', ')}`;
  };
}

function bareAddressHint(value: unknown): string | undefined {
  return typeof value === 'string' && IPV4.test(value) ? `a prefix length is needed, e.g. ${value}/32 for one address` : undefined;
}

function rangeHint(low: number, high: number) {
  return (value: unknown): string | undefined =>
    typeof value === 'string' && /^\d+$/.test(value) ? `write a single value as a number, without quotes` : `a range is written "low-high", both ends ${low} to ${high}`;
}

export const VALUE_KINDS: Readonly<Record<string, ValueKind>> = {
  name: { noun: NAME_RULE, hint: nameHint },
  ipv4: { noun: 'an IPv4 address such as 10.255.0.1' },
  cidr: { noun: 'an IPv4 CIDR such as 10.1.0.0/16 (octets 0-255, prefix length 0-32)', hint: bareAddressHint },
  linkAddressing: { noun: '"unnumbered" or an IPv4 CIDR such as 10.254.0.0/16', hint: bareAddressHint },
  asnOrRange: { noun: 'an ASN (1 to 4294967295) or a range "low-high"', hint: rangeHint(1, 4294967295) },
  portSpec: { noun: 'a port (1 to 65535) or a range "low-high"', hint: rangeHint(1, 65535) },
  address: {
    noun: 'an IPv4 CIDR, "any", "loopbacks", vpc:<vpc>, subnet:<vpc>/<subnet>, vm:<vm>, host:<host>, pods:<cluster> or services:<cluster>',
    hint: referenceHint(['vpc', 'subnet', 'vm', 'host', 'pods', 'services'], ['any', 'loopbacks']),
  },
  placement: {
    noun: 'spines, superSpines, border, leaf:<name>, host:<name> or vm:<name>',
    hint: referenceHint(['leaf', 'host', 'vm'], ['spines', 'superSpines', 'border']),
  },
  subnetRef: { noun: '<vpc>/<subnet>, two DNS labels' },
  workloadRef: { noun: '<cluster>/<namespace>/<name>, three DNS labels' },
  labelKey: { noun: 'a Kubernetes label key (optional DNS-subdomain prefix and "/", then at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit)' },
  labelValue: {
    noun: 'a Kubernetes label value (empty, or at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit)',
    hint: (value) => (typeof value === 'number' || typeof value === 'boolean' ? `quote it: "${String(value)}"; YAML reads it as a ${typeof value}` : undefined),
  },
  labels: { noun: 'a mapping of label keys to values' },
  manifestGlob: {
    noun: 'a path or glob relative to the spec file (no absolute path, drive letter, URL, backslash or control character)',
    hint: (value) => (typeof value === 'string' && value.includes('\\') ? 'use "/" between directories' : undefined),
  },
  portName: { noun: 'a port name (at most 15 lowercase letters, digits and "-", with a letter and no "--")' },
  portList: { noun: 'a list of ports', hint: (value) => (typeof value === 'number' || typeof value === 'string' ? `write it as a list: [${String(value)}]` : undefined) },
  switchList: { noun: 'a count or a list of names or objects' },
  leafList: { noun: 'a count or a list of names or objects' },
  switchItem: { noun: 'a name or an object with a name' },
  leafItem: { noun: 'a name or an object with a name' },
  endpoint: { noun: 'a mapping with one of external, host, vm, subnet, workload or pods' },
};

function nameHint(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length > 63) return `it has ${value.length} characters`;
  const lower = value.toLowerCase().replace(/[_.\s]+/g, '-');
  if (/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(lower)) return `try ${JSON.stringify(lower)}`;
  return undefined;
}
