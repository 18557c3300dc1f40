// Helpers for the hostile lock-file tests: edit one value of a generated lock file and find where a value sits.

/** The line index of `key`'s entry (`  key: ...`) in a lock file. */
function entryLine(lines: readonly string[], key: string): number {
  const index = lines.findIndex((l) => l.startsWith(`  ${key}: `));
  if (index < 0) throw new Error(`no lock entry ${key}`);
  return index;
}

/** The entry's text for `field` (or the whole value of a `links` entry when `field` is undefined). */
function fieldOf(line: string, key: string, field: string | undefined): { start: number; text: string } {
  if (field === undefined) return { start: `  ${key}: `.length, text: line.slice(`  ${key}: `.length) };
  const match = new RegExp(`[{ ]${field}: ([^,} ]+)`).exec(line);
  if (!match) throw new Error(`no ${field} in ${line}`);
  return { start: match.index + 1 + field.length + 2, text: match[1] as string };
}

/** The value `field` of entry `key` (a link's /31 when `field` is undefined). */
export function lockValue(lock: string, key: string, field?: string): string {
  const lines = lock.split('\n');
  return fieldOf(lines[entryLine(lines, key)] as string, key, field).text;
}

/** The lock text with one value replaced. */
export function setLockValue(lock: string, key: string, field: string | undefined, value: string): string {
  const lines = lock.split('\n');
  const i = entryLine(lines, key);
  const line = lines[i] as string;
  const { start, text } = fieldOf(line, key, field);
  lines[i] = line.slice(0, start) + value + line.slice(start + text.length);
  return lines.join('\n');
}

/** `file:line:col` of the value `field` of entry `key`, as diagnostics locate it. */
export function lockValueAt(file: string, lock: string, key: string, field?: string): string {
  const lines = lock.split('\n');
  const i = entryLine(lines, key);
  return `${file}:${i + 1}:${fieldOf(lines[i] as string, key, field).start + 1}`;
}
