// Takes a lab down from its state file: its processes by pid, its mounts, its namespaces, its directory; nothing else.
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import type { LabState } from './lab-state.js';
import { isRunning, stopProcess } from './lab-processes.js';
import { isMountPoint, mountsUnder, unmountAll } from './lab-mounts.js';
import { deleteNetns, netnsExists } from './netns.js';

export interface DownReport {
  readonly processes: number;
  readonly mounts: number;
  readonly namespaces: number;
  /** What is still there after trying: empty when the lab is entirely gone. */
  readonly left: readonly string[];
}

export function labDown(state: LabState, progress: (line: string) => void = () => {}): DownReport {
  // Listeners and captures first, then bgpd before zebra (the reverse of starting them).
  const processes = [...state.processes].reverse();
  for (const p of processes) stopProcess(p);
  progress(`stopped ${processes.length} processes`);
  // Everything mounted under the lab directory, latest first so that pins go before the directory they sit in
  // (this also finds pins a crashed `up` made before recording them), then any recorded mount elsewhere.
  const mounts = [...new Set([...mountsUnder(state.dir), ...[...state.mounts].reverse()])];
  for (const m of mounts) unmountAll(m);
  progress(`unmounted ${mounts.length} mounts`);
  const namespaces = [...state.namespaces].reverse();
  for (const n of namespaces) deleteNetns(n);
  progress(`deleted ${namespaces.length} namespaces`);
  for (const path of state.paths) rmSync(path, { recursive: true, force: true });
  // Directories up created above the lab's go too, unless another lab (or anything else) lives there now.
  for (const parent of state.parentDirs ?? []) if (existsSync(parent) && readdirSync(parent).length === 0) rmdirSync(parent);
  const left = [
    ...state.processes.filter(isRunning).map((p) => `process ${p.role} of ${p.device}`),
    ...mounts.filter(isMountPoint).map((m) => `mount ${m}`),
    ...state.namespaces.filter(netnsExists).map((n) => `namespace ${n}`),
    ...state.paths.filter((p) => existsSync(p)).map((p) => `path ${p}`),
  ];
  return { processes: processes.length, mounts: mounts.length, namespaces: namespaces.length, left };
}
