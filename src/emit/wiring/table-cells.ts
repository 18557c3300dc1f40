// Escapes one table cell for CSV (RFC 4180) or for a Markdown table, so data can never shift a column.

export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function markdownCell(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replaceAll('|', '\\|');
}
