// Turns a file-system error into one plain line naming the path and the cause, for exit-2 messages.

/** "permission denied" from "EACCES: permission denied, open '/x'"; the code when the message has no description. */
export function fsCause(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const described = typeof e?.message === 'string' ? /^[A-Z0-9_]+: ([^,]+)/.exec(e.message)?.[1] : undefined;
  if (described && e.code) return `${described} (${e.code})`;
  return e?.code ?? String(error);
}
