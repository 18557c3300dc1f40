// The diagnostic codes the schema check reports, one line each, for the code catalog and the docs.
import { type CodeInfo, defineCodes } from '../../diagnostics/code-catalog.js';

export const schemaCodes: readonly CodeInfo[] = defineCodes([
  { code: 'schema-required', severity: 'error', summary: 'A required property is missing (or an intent endpoint gives none of its forms).' },
  { code: 'schema-unknown-property', severity: 'error', summary: 'A property is not part of the format here (usually a typo).' },
  { code: 'schema-type', severity: 'error', summary: 'A value has the wrong type, e.g. a string where a list is expected.' },
  { code: 'schema-enum', severity: 'error', summary: 'A value is not one of the allowed words (proto, expect, vtep, role, ...).' },
  { code: 'schema-range', severity: 'error', summary: 'A number (VNI, port, ASN, MTU, radix, count) or a list length is out of range.' },
  { code: 'schema-format', severity: 'error', summary: 'A string is not well-formed: CIDR, IPv4 address, port range, reference, label or path.' },
  { code: 'schema-exclusive', severity: 'error', summary: 'Properties that exclude each other are given together (an endpoint has exactly one form).' },
  { code: 'invalid-name', severity: 'error', summary: 'A name is not a DNS label ([a-z0-9-], at most 63 characters).' },
  { code: 'schema-invalid', severity: 'error', summary: 'The value does not match the format (any other schema violation).' },
]);
