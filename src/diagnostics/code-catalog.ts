// The catalog of diagnostic codes: what each means, its default severity and where it is documented.
import type { Severity } from './diagnostic.js';

export interface CodeInfo {
  /** Stable kebab-case code, e.g. `duplicate-name`; also the README heading anchor by default. */
  readonly code: string;
  /** Severity the code is reported with (SARIF `defaultConfiguration.level`). */
  readonly severity: Severity;
  /** One sentence saying what the code means. */
  readonly summary: string;
  /** README anchor (with or without `#`) or an absolute URL; defaults to the code itself. */
  readonly docs?: string;
}

/** Freezes a module's list of codes (and each entry) so no one can edit the catalog later. */
export function defineCodes(list: readonly CodeInfo[]): readonly CodeInfo[] {
  return Object.freeze(list.map((info) => Object.freeze({ ...info })));
}

/**
 * The catalog entry for `code`, or a sensible default for a code nobody registered:
 * the code's words as summary and `fallbackSeverity` (the severity it was reported with).
 */
export function describeCode(
  code: string,
  catalog: readonly CodeInfo[],
  fallbackSeverity: Severity = 'error',
): CodeInfo {
  const known = catalog.find((info) => info.code === code);
  if (known) return known;
  const words = code.replace(/[-_]+/g, ' ').trim();
  const summary = words === '' ? 'Unknown diagnostic' : words[0]!.toUpperCase() + words.slice(1);
  return { code, severity: fallbackSeverity, summary };
}
