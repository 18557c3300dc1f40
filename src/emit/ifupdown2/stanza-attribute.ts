// Builds the lines of an ifupdown2 stanza: plain attribute values checked to be one safe token, post-up commands shell-quoted.
import { shellComment, shellWord } from '../iproute2/shell-word.js';
import type { StanzaAttributeView } from './interface-stanza-view.js';

/**
 * What a plain value may hold: names, numbers, addresses, MACs and `name=on` pairs. Whitespace would start another
 * value, `#` a comment, and ifupdown2 runs the file through Mako templates first (`${...}`, `<%...%>`, `%` lines),
 * so none of that may come from data. The IR's names and addresses are schema-checked, so a miss is an IR bug.
 */
const PLAIN_VALUE = /^[A-Za-z0-9._:/=-]+$/;

/** One `keyword value` line whose values are plain tokens (several are joined by spaces, e.g. `bridge-ports`). */
export function attribute(keyword: string, ...values: readonly (string | number)[]): StanzaAttributeView {
  const words = values.map(String);
  const bad = words.find((w) => !PLAIN_VALUE.test(w));
  if (bad !== undefined || words.length === 0) throw new Error(`thrice: ${JSON.stringify(bad ?? '')} is not a plain ifupdown2 value of ${keyword}`);
  return { why: null, keyword, value: words.join(' ') };
}

/**
 * A `post-up` line: a command ifupdown2 runs with /bin/sh after the device is up, for state it has no attribute
 * for. `program` and `options` are constants of ours; every `data` word is shell-quoted.
 */
export function postUp(why: string | null, command: readonly (string | { readonly data: string | number })[]): StanzaAttributeView {
  const value = command.map((part) => (typeof part === 'string' ? part : shellWord(part.data))).join(' ');
  return { why: why === null ? null : shellComment(why), keyword: 'post-up', value };
}
