// Makes data safe to print in a POSIX sh script: single-quoted words and single-line comments.

/** One shell word that means exactly `value`: single quotes, with any `'` spelt as `'\''`. */
export function shellWord(value: string | number): string {
  return `'${String(value).replaceAll("'", `'\\''`)}'`;
}

/** Text for after `# `: a newline or control character in data must not end the comment early. */
export function shellComment(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}
