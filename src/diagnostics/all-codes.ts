// The one ordered catalog of every diagnostic code thrice reports, from parsing to the CLI.
import { type CodeInfo, defineCodes } from './code-catalog.js';
import { semanticRules } from '../validate/semantic/index.js';
import { schemaCodes } from '../validate/schema-codes.js';
import { manifestCodes } from '../k8s/manifest-codes.js';
import { analysisCodes } from '../analysis/analysis-codes.js';

const parseCodes = defineCodes([
  { code: 'yaml-syntax', severity: 'error', summary: 'The file is not valid YAML.' },
  { code: 'duplicate-key', severity: 'error', summary: 'A YAML mapping has the same key twice.' },
  { code: 'yaml-alias-bomb', severity: 'error', summary: 'YAML aliases expand too often (a "billion laughs" document).' },
  { code: 'yaml-too-deep', severity: 'error', summary: 'Lists and mappings are nested more than 64 levels deep.' },
  { code: 'yaml-too-many-items', severity: 'error', summary: 'A YAML list has more than 1,000,000 items, or a mapping more than 1,000,000 keys.' },
  { code: 'yaml-multiple-documents', severity: 'error', summary: 'A topology or lock file holds a second YAML document (`---`).' },
  { code: 'yaml-unknown-tag', severity: 'error', summary: 'A YAML tag outside the YAML 1.2 core schema (`!!js/function`, `!!binary`, `!custom`).' },
  { code: 'diagnostics-truncated', severity: 'info', summary: 'More problems were found than are reported; only the first are shown.' },
]);

const allocationCodes = defineCodes([
  { code: 'pin-outside-pool', severity: 'error', summary: 'A pinned value lies outside the pool it is drawn from.' },
  { code: 'duplicate-value', severity: 'error', summary: 'Two objects pin the same value.' },
  { code: 'pool-exhausted', severity: 'error', summary: 'A pool has too few values for the objects that need one.' },
  { code: 'asn-reserved', severity: 'error', summary: 'A switch got a reserved ASN that BGP cannot use.' },
  { code: 'asn-not-private', severity: 'warning', summary: 'A switch got a public ASN (outside the RFC 6996 private ranges).' },
  { code: 'radix-exceeded', severity: 'error', summary: 'A switch needs more ports than its radix.' },
  { code: 'bgp-max-prefix-too-low', severity: 'error', summary: '`fabric.bgp.maximumPrefix.ipv4` is below the number of loopbacks one fabric session carries, so FRR would shut the sessions down.' },
  { code: 'bgp-password-missing', severity: 'error', summary: "`fabric.bgp.password` names an environment variable that is not set (or empty), or a file that does not exist, when compiling." },
  { code: 'bgp-password-outside-project', severity: 'error', summary: "`fabric.bgp.password.file` lies outside the spec's directory tree (absolute, `..`, or a symbolic link leading out); the file is not read." },
  { code: 'bgp-password-invalid', severity: 'error', summary: 'The BGP password read is not one line of 1 to 80 printable ASCII characters without spaces or `?`, or its file is not a readable regular file.' },
  { code: 'manifest-not-found', severity: 'error', summary: 'A `manifests` pattern matches no readable file.' },
  { code: 'manifest-outside-project', severity: 'error', summary: "A `manifests` pattern reaches outside the spec's directory tree (absolute, `..`, or a symbolic link leading out); the file is not read." },
  { code: 'manifest-unreadable', severity: 'error', summary: 'A `manifests` pattern matches a file that is not a regular file, exceeds the input size limit, or cannot be read.' },
  { code: 'intent-violated', severity: 'error', summary: 'An intent does not hold on every path its traffic can take.' },
  { code: 'lock-invalid', severity: 'error', summary: 'The lock file is malformed.' },
  { code: 'lock-value-invalid', severity: 'error', summary: 'A lock-file entry holds a value allocation cannot use (not an address or prefix, outside its pool, reserved, beyond the radix, or held by another entry).' },
  { code: 'lock-outdated', severity: 'error', summary: 'With --locked, the lock file would have to change.' },
]);

let cached: readonly CodeInfo[] | undefined;

export function allCodes(): readonly CodeInfo[] {
  cached ??= defineCodes([
    ...parseCodes,
    ...schemaCodes,
    ...semanticRules.flatMap((r) => r.codes),
    ...allocationCodes,
    ...manifestCodes,
    ...analysisCodes,
  ].filter((c, i, list) => list.findIndex((o) => o.code === c.code) === i));
  return cached;
}
