// Shows user values inside messages safely (one line, printable ASCII, bounded) and names their YAML types.

const MAX_SHOWN = 48;

/** A value as it may appear in a message: strings quoted and escaped so a hostile name cannot break the output. */
export function show(value: unknown): string {
  if (typeof value === 'string') {
    const cut = value.length > MAX_SHOWN ? value.slice(0, MAX_SHOWN) : value;
    // JSON.stringify escapes control characters; also escape everything outside printable ASCII
    // (bidi overrides, zero-width characters) so what a reader sees is what the file holds.
    const quoted = JSON.stringify(cut).replace(/[^\x20-\x7e]/gu, escapeChar);
    return cut.length < value.length ? quoted + '…' : quoted;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return describeType(value);
}

function escapeChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The value's type in a YAML author's words: "a string", "a list", "a mapping". */
export function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      // 1e999 reads as Infinity (YAML 1.2 core schema); .nan as NaN.
      if (Number.isNaN(value)) return 'not-a-number (.nan)';
      if (!Number.isFinite(value)) return 'a number too large to represent';
      return Number.isInteger(value) ? 'a whole number' : 'a fractional number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'a mapping';
    default:
      return 'a value';
  }
}

const TYPE_NOUNS: Readonly<Record<string, string>> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'an empty value',
};

/** "a whole number or a list" for a schema `type` keyword. */
export function describeSchemaType(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_NOUNS[String(t)] ?? String(t)).join(' or ');
}

/** "a, b or c", each shown with `show`. */
export function showList(values: readonly unknown[], conjunction = 'or'): string {
  const shown = values.map(show);
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown[shown.length - 1]}`;
}
