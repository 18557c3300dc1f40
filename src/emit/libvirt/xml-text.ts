// Makes data safe to print in XML: attribute values in single quotes, and comment text.

/** An attribute value for inside `'…'`. */
export function xmlAttr(value: string | number): string {
  return String(value).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll("'", '&apos;').replaceAll('"', '&quot;');
}

/** Text for inside `<!-- … -->`, which may hold neither `--` nor control characters (names may contain `--`). */
export function xmlComment(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/-(?=-)/g, '- ').replace(/-$/, '- ');
}
