// The lab's own processes, by pid and start time only: find them from pid files, check they are still ours, stop them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { LabProcess } from './lab-state.js';

export function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Field 22 of /proc/<pid>/stat (after the parenthesised command, which may hold spaces). */
export function startTimeOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[19]);
  } catch {
    return undefined;
  }
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/**
 * The pid and start time of a recorded process. A daemon recorded by pid file only is taken as ours when
 * the process named there runs with that very pid file on its command line (FRR's `-i`).
 */
export function identify(p: LabProcess): LabProcess | undefined {
  if (p.pid !== undefined) {
    const start = startTimeOf(p.pid);
    return start !== undefined && (p.startTime === undefined || start === p.startTime) ? { ...p, startTime: start } : undefined;
  }
  if (!p.pidFile || !existsSync(p.pidFile)) return undefined;
  const pid = Number(readFileSync(p.pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || !commandLineOf(pid).includes(p.pidFile)) return undefined;
  const startTime = startTimeOf(pid);
  return startTime === undefined ? undefined : { ...p, pid, startTime };
}

/** A process that exited but was not reaped yet (a zombie) no longer runs. */
export function isRunning(p: LabProcess): boolean {
  const live = identify(p);
  return live?.pid !== undefined && !isZombie(live.pid);
}

/** SIGTERM, then SIGKILL after `graceMs`; returns once the process is gone (or was never ours). */
export function stopProcess(p: LabProcess, graceMs = 3000): void {
  const live = identify(p);
  if (live?.pid !== undefined) stopPid(live.pid, live.startTime, graceMs);
}

/**
 * Every process (but this one) whose network namespace is one of those pinned at `pins`: they would keep a deleted
 * namespace alive, unseen, with its links and addresses. Compared by the namespace's device and inode.
 */
export function processesInNamespaces(pins: readonly string[]): number[] {
  const key = (path: string): string | undefined => {
    try {
      const st = statSync(path);
      return `${st.dev}:${st.ino}`;
    } catch {
      return undefined;
    }
  };
  const wanted = new Set(pins.map(key).filter((k): k is string => k !== undefined));
  // Never the machine's own namespace (or this process's), whatever is pinned under a lab's name.
  for (const own of ['/proc/1/ns/net', '/proc/self/ns/net']) wanted.delete(key(own) ?? '');
  if (wanted.size === 0) return [];
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)
    .filter((p) => wanted.has(key(`/proc/${p}/ns/net`) ?? ''))
    .map(Number);
}

/** SIGTERM, then SIGKILL, to a pid while it still has the start time it had when found. */
export function stopPid(pid: number, startTime: number | undefined, graceMs = 3000): void {
  const still = (): boolean => startTimeOf(pid) === startTime && !isZombie(pid);
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (still() && Date.now() < deadline) sleepMs(20);
  if (still()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      return;
    }
    while (still() && Date.now() < deadline + 2000) sleepMs(20);
  }
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}
