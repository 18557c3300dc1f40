// Diagnostic codes reported by the JSON Schema stage.
import { defineCodes } from '../diagnostics/code-catalog.js';

export const schemaCodes = defineCodes([
  { code: 'schema-required', severity: 'error', summary: 'A required property is missing.' },
  { code: 'schema-unknown-property', severity: 'error', summary: 'A property is not part of the format (often a typo).' },
  { code: 'schema-type', severity: 'error', summary: 'A value has the wrong type.' },
  { code: 'schema-enum', severity: 'error', summary: 'A value is not one of the allowed words.' },
  { code: 'schema-range', severity: 'error', summary: 'A number is outside its allowed range.' },
  { code: 'schema-format', severity: 'error', summary: 'A CIDR, address, port or reference is malformed.' },
  { code: 'invalid-name', severity: 'error', summary: 'A name is not a DNS label; names become file names, interface names and shell words.' },
  { code: 'schema-invalid', severity: 'error', summary: 'A value does not match the format.' },
]);
