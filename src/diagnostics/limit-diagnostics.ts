// Keeps a flood of diagnostics (a hostile file can trigger millions) to the first few, with one note saying how many more.
import type { Diagnostic } from './diagnostic.js';
import { sortDiagnostics } from './diagnostic.js';

/**
 * The first `max` diagnostics in print order, plus a `diagnostics-truncated` note at the first one left out.
 * `total` is how many problems there are in all, when more were found than were turned into diagnostics.
 */
export function limitDiagnostics(items: readonly Diagnostic[], max: number, total = items.length): Diagnostic[] {
  if (items.length <= max && total <= items.length) return [...items];
  const sorted = sortDiagnostics(items);
  const kept = sorted.slice(0, max);
  const first = sorted[max] ?? sorted[sorted.length - 1];
  const more = Math.max(total, items.length) - kept.length;
  kept.push({
    code: 'diagnostics-truncated',
    severity: 'info',
    message: `${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'} not shown; thrice reports the first ${max}`,
    location: first?.location,
    related: [],
    hint: 'fix the problems shown and run again',
  });
  return kept;
}
