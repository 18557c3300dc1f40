// Wording shared by analysis findings: short lists that stay readable on a large network.

/** `a, b and c`, or `a, b, c and 4 more` past `max` items. */
export function listSome(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
