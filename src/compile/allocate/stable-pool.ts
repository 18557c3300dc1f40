// Deterministic, stable allocation from an integer pool: pins first, then the lock file, then lowest free.
import type { DataPath } from '../../source/data-path.js';
import { formatPath } from '../../source/data-path.js';
import { type LockedValueContext, reportLockedValue } from './locked-value.js';

export interface PoolRequest {
  /** Unique key of the allocation unit (e.g. a switch name, or `pod/rack` for a leaf pair). */
  readonly key: string;
  /** Human label for messages, e.g. `leaf leaf3`. */
  readonly label: string;
  /** The value pinned in the spec, already converted to the pool's integer space. */
  readonly pinned?: number;
  /** Where the pin is written (for pin errors); required when `pinned` is set. */
  readonly pinPath?: DataPath;
  /** The value remembered in the lock file, if any. */
  readonly locked?: number;
  /** Where `locked` is written in the lock file (a bad locked value is reported there). */
  readonly lockPath?: DataPath;
  /** Where the object is declared (for exhaustion errors). */
  readonly path: DataPath;
}

export interface Pool {
  /** What is allocated, for messages: `loopback address`, `leaf ASN`. */
  readonly what: string;
  /** Pool text as written, for messages: `10.255.0.0/16`, `65100-65999`. */
  readonly text: string;
  readonly first: number;
  readonly last: number;
  readonly format: (value: number) => string;
  /** Where the pool is defined in the spec. */
  readonly path: DataPath;
  /** Values inside the range that must never be handed out (reserved ASNs, a subnet's gateway): why, or undefined. */
  readonly reserved?: (value: number) => string | undefined;
  /**
   * Values a lock entry may not hold although the range includes them (a port beyond the switch's radix or on an
   * uplink): why, or undefined. Pins and fresh values meeting the same limit are capacity errors in the spec.
   */
  readonly refuseLocked?: (value: number) => string | undefined;
  /** Where the limit behind `refuseLocked` is set (`fabric.radix`); the pool's path otherwise. */
  readonly refusedBy?: DataPath;
}

/** The spec's locations, the lock file's (when there is one), and the diagnostic sink. */
export type AllocationContext = LockedValueContext;

/**
 * Allocates one value per request. Pinned values win, then locked values, then the lowest free value in request
 * order; so adding a request anywhere never moves an existing one that was locked. A locked value taken by a pin
 * moves silently (the spec decides); one the pool cannot hold, or another lock entry already holds, is
 * lock-value-invalid at its line in the lock file. Work is linear: the free-value cursor only moves forward.
 */
export function allocateStable(requests: readonly PoolRequest[], pool: Pool, ctx: AllocationContext): Map<string, number> {
  const result = new Map<string, number>();
  const owner = new Map<number, PoolRequest>();
  for (const request of requests) {
    if (request.pinned === undefined) continue;
    const pinPath = request.pinPath ?? request.path;
    const reserved = pool.reserved?.(request.pinned);
    if (request.pinned < pool.first || request.pinned > pool.last || reserved !== undefined) {
      ctx.report({
        code: 'pin-outside-pool',
        severity: 'error',
        message: reserved
          ? `${request.label} pins ${pool.what} ${pool.format(request.pinned)}, which is ${reserved}`
          : `${request.label} pins ${pool.what} ${pool.format(request.pinned)}, outside its pool ${pool.text}`,
        location: ctx.spans.locate(pinPath),
        path: formatPath(pinPath),
        related: [{ location: ctx.spans.locate(pool.path), message: 'pool defined here' }],
        hint: `pin a value inside ${pool.text}, or widen the pool`,
      });
    }
    const previous = owner.get(request.pinned);
    if (previous) {
      ctx.report({
        code: 'duplicate-value',
        severity: 'error',
        message: `${request.label} pins ${pool.what} ${pool.format(request.pinned)}, already used by ${previous.label}`,
        location: ctx.spans.locate(pinPath),
        path: formatPath(pinPath),
        related: [{ location: ctx.spans.locate(previous.pinPath ?? previous.path), message: `${previous.label} has it` }],
        hint: 'every pinned value must be unique; remove the pin to have one allocated',
      });
    } else {
      owner.set(request.pinned, request);
    }
    result.set(request.key, request.pinned);
  }
  for (const request of requests) {
    if (result.has(request.key) || request.locked === undefined) continue;
    const v = request.locked;
    const holder = owner.get(v);
    const outside = v < pool.first || v > pool.last ? `outside its pool ${pool.text}` : pool.reserved?.(v);
    const limited = outside === undefined ? pool.refuseLocked?.(v) : undefined;
    const message = (problem: string): string => `the lock file gives ${request.label} ${pool.what} ${pool.format(v)}, which is ${problem}`;
    if (outside !== undefined || limited !== undefined) {
      const related = limited !== undefined && pool.refusedBy ? { path: pool.refusedBy, message: 'limit set here' } : { path: pool.path, message: 'pool defined here' };
      reportLockedValue(ctx, request.lockPath ?? [], request.path, message(outside ?? limited ?? ''), [{ location: ctx.spans.locate(related.path), message: related.message }]);
      continue;
    }
    if (holder && holder.pinned !== v) {
      const where = holder.lockPath && ctx.lockSpans ? ctx.lockSpans.locate(holder.lockPath) : ctx.spans.locate(holder.path);
      reportLockedValue(ctx, request.lockPath ?? [], request.path, message(`already locked for ${holder.label}`), [{ location: where, message: `${holder.label} has it` }]);
      continue;
    }
    if (holder) continue; // a pin took it: the object moves to a free value
    owner.set(v, request);
    result.set(request.key, v);
  }
  let cursor = pool.first;
  let exhausted = false;
  for (const request of requests) {
    if (result.has(request.key)) continue;
    while (cursor <= pool.last && (owner.has(cursor) || pool.reserved?.(cursor) !== undefined)) cursor++;
    if (cursor > pool.last) {
      if (!exhausted) {
        const missing = requests.filter((r) => !result.has(r.key)).length;
        ctx.report({
          code: 'pool-exhausted',
          severity: 'error',
          message: `no ${pool.what} left in ${pool.text} for ${request.label} (${missing} more needed)`,
          location: ctx.spans.locate(request.path),
          path: formatPath(request.path),
          related: [{ location: ctx.spans.locate(pool.path), message: 'pool defined here' }],
          hint: 'widen the pool',
        });
        exhausted = true;
      }
      continue;
    }
    owner.set(cursor, request);
    result.set(request.key, cursor);
  }
  return result;
}
