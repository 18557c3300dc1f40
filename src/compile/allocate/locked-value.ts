// Reports a lock-file value allocation cannot honour as lock-value-invalid, at its line in the lock file.
import type { Diagnostic, RelatedLocation } from '../../diagnostics/diagnostic.js';
import type { DataPath } from '../../source/data-path.js';
import type { SpanIndex } from '../../source/span-index.js';
import { formatPath } from '../../source/data-path.js';

export const LOCK_VALUE_INVALID = 'lock-value-invalid';

/** What every lock-value-invalid says to do: thrice rewrites the entry itself once it is gone. */
export const LOCK_VALUE_HINT = 'delete this entry from the lock file: the next compile allocates a fresh value and records it';

export interface LockedValueContext {
  /** The lock file's locations; absent when there is no lock file (then nothing is locked). */
  readonly lockSpans?: SpanIndex;
  /** The spec's locations, the fallback and the place of related notes such as the pool. */
  readonly spans: SpanIndex;
  readonly report: (diagnostic: Diagnostic) => void;
}

/** Reports the value at `lockPath` in the lock file; `fallback` (in the spec) only when no lock file is known. */
export function reportLockedValue(
  ctx: LockedValueContext,
  lockPath: DataPath,
  fallback: DataPath,
  message: string,
  related: readonly RelatedLocation[] = [],
): void {
  ctx.report({
    code: LOCK_VALUE_INVALID,
    severity: 'error',
    message,
    location: ctx.lockSpans ? ctx.lockSpans.locate(lockPath) : ctx.spans.locate(fallback),
    path: formatPath(lockPath),
    related,
    hint: LOCK_VALUE_HINT,
  });
}
