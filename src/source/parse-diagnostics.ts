// The diagnostics parsing reports for hostile or malformed YAML: each a plain sentence at a place, never a library's words.
import type { YAMLException } from 'js-yaml';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_ENTRIES } from './yaml-limits.js';
import { locationAt } from './text-position.js';

function error(code: string, message: string, location: Location, hint?: string): Diagnostic {
  return { code, severity: 'error', message, location, related: [], hint };
}

export function duplicateKey(location: Location): Diagnostic {
  return error('duplicate-key', 'this key appears twice in the same mapping', location, 'YAML mappings keep one value per key; remove or rename one of them');
}

export function aliasBomb(location: Location): Diagnostic {
  return error('yaml-alias-bomb', `aliases expand too often (more than ${MAX_ALIAS_COUNT} times); refusing to expand`, location, 'write the repeated values out, or use fewer nested aliases');
}

export function tooDeep(location: Location): Diagnostic {
  return error('yaml-too-deep', `lists and mappings are nested more than ${MAX_DEPTH} levels deep here; refusing to read further`, location, 'a topology or manifest never needs this depth; flatten the structure');
}

export function tooManyEntries(location: Location, list: boolean): Diagnostic {
  const what = list ? `this list has more than ${MAX_ENTRIES.toLocaleString('en-US')} items` : `this mapping has more than ${MAX_ENTRIES.toLocaleString('en-US')} keys`;
  return error('yaml-too-many-items', `${what}; refusing to read further`, location, 'split the file, or generate it from a smaller description');
}

export function multipleDocuments(location: Location): Diagnostic {
  return error('yaml-multiple-documents', 'a second YAML document starts here; a topology file holds exactly one document', location, 'remove the `---` line and everything after it, or move it into its own file');
}

export function unknownTag(location: Location, tag: string): Diagnostic {
  const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!').replace(/[^\x21-\x7e]/g, '?').slice(0, 64);
  return error('yaml-unknown-tag', `the tag ${shown} is not part of YAML 1.2's core schema, which is all thrice reads`, location, 'remove the tag; plain YAML values (strings, numbers, booleans, lists, mappings) need none');
}

export function nonPrintable(text: string, file: string, offset: number): Diagnostic {
  const code = text.codePointAt(offset) ?? 0;
  const shown = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return error('yaml-syntax', `the control character ${shown} is not allowed in a YAML file`, locationAt(text, file, offset), 'write it as an escape inside a double-quoted string ("\\u0000"), or remove it; is this a binary file?');
}

/** js-yaml's first error, used for files too large to re-parse with `yaml`; the reason is js-yaml's one-line text. */
export function fromJsYaml(exception: YAMLException, text: string, file: string): Diagnostic {
  const reason = exception.reason || 'not valid YAML';
  const location = locationAt(text, file, exception.mark?.position ?? 0);
  if (/duplicated mapping key/.test(reason)) return duplicateKey(location);
  const tag = /^unknown tag !<(.*)>$/.exec(reason);
  if (tag) return unknownTag(location, tag[1] ?? '');
  return error('yaml-syntax', reason.split('\n')[0] ?? reason, location);
}
