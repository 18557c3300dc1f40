// Makes data safe to print in an nftables file: quoted strings, `#` comment text and anonymous sets.

/**
 * A double-quoted nft string. nft has no escape for `"` inside a string (1.0.6 rejects `\"`), so a
 * quote in data becomes `'`; control characters would end the line, so they become spaces.
 */
export function nftString(text: string): string {
  return `"${text.replace(/[\u0000-\u001f\u007f]/g, ' ').replaceAll('"', "'")}"`;
}

/** Text for after `# `: a newline or control character in data must not end the comment early. */
export function nftComment(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/** One element as itself, several as an anonymous set `{ a, b }`, in the order given. */
export function nftSet(elements: readonly string[]): string {
  if (elements.length === 0) throw new Error('thrice: an nft set needs at least one element');
  return elements.length === 1 ? (elements[0] as string) : `{ ${elements.join(', ')} }`;
}
