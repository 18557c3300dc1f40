// Takes a lab down from its state file: its processes by pid, its mounts, its namespaces, its directory; nothing else.
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type LabState, STATE_FILE } from './lab-state.js';
import { isRunning, processesInNamespaces, startTimeOf, stopPid, stopProcess } from './lab-processes.js';
import { isMountPoint, mountsUnder, unmountAll } from './lab-mounts.js';
import { netnsExists, netnsPath } from './netns.js';
import { findLeftovers, removeNamespaces } from './lab-leftovers.js';
import { count } from './count.js';

export interface DownReport {
  readonly processes: number;
  readonly mounts: number;
  readonly namespaces: number;
  /** What is still there after trying: empty when the lab is entirely gone. */
  readonly left: readonly string[];
  /** Namespaces named like the lab's that are not marked as its: left alone. */
  readonly foreign: readonly string[];
}

export function labDown(state: LabState, progress: (line: string) => void = () => {}): DownReport {
  // Listeners and captures first, then bgpd before zebra (the reverse of starting them).
  const processes = [...state.processes].reverse();
  for (const p of processes) stopProcess(p);
  progress(`stopped ${count(processes.length, 'process', 'processes')}`);
  // Everything mounted under the lab directory, latest first so that pins go before the directory they sit in
  // (this also finds pins a crashed `up` made before recording them), then any recorded mount elsewhere.
  const mounts = [...new Set([...mountsUnder(state.dir), ...[...state.mounts].reverse()])];
  // Whatever still runs in one of the lab's namespaces (a script a killed `up` left running) would keep it alive unseen.
  const inside = processesInNamespaces([...state.namespaces.map(netnsPath), ...mounts]);
  for (const pid of inside) stopPid(pid, startTimeOf(pid));
  if (inside.length > 0) progress(`stopped ${count(inside.length, 'unrecorded process', 'unrecorded processes')} inside its namespaces`);
  for (const m of mounts) unmountAll(m);
  progress(`unmounted ${count(mounts.length, 'mount', 'mounts')}`);
  const namespaces = [...state.namespaces].reverse();
  removeNamespaces(namespaces);
  progress(`deleted ${count(namespaces.length, 'namespace', 'namespaces')}`);
  const leftovers = findLeftovers(state.name, state.dir, new Set(state.namespaces), true);
  const strays = removeNamespaces(leftovers.ours);
  if (leftovers.ours.length > 0) progress(`deleted ${count(leftovers.ours.length, 'namespace', 'namespaces')} of the lab that no state recorded: ${leftovers.ours.join(', ')}`);
  for (const path of state.paths) removeKeepingStateLast(path);
  // Directories up created above the lab's go too, unless another lab (or anything else) lives there now.
  for (const parent of state.parentDirs ?? []) if (existsSync(parent) && readdirSync(parent).length === 0) rmdirSync(parent);
  const left = [
    ...state.processes.filter(isRunning).map((p) => `process ${p.role} of ${p.device}`),
    ...mounts.filter(isMountPoint).map((m) => `mount ${m}`),
    ...[...state.namespaces.filter(netnsExists), ...strays].map((n) => `namespace ${n}`),
    ...state.paths.filter((p) => existsSync(p)).map((p) => `path ${p}`),
  ];
  return { processes: processes.length + inside.length, mounts: mounts.length, namespaces: namespaces.length + leftovers.ours.length, left, foreign: leftovers.foreign };
}

/** The state file goes last: a `down` killed half way must still find the lab recorded, never a directory without its record. */
function removeKeepingStateLast(path: string): void {
  if (!existsSync(path)) return;
  for (const entry of readdirSync(path)) if (entry !== STATE_FILE) rmSync(join(path, entry), { recursive: true, force: true });
  rmSync(path, { recursive: true, force: true });
}
