// The state file: every namespace, mount, process and path a lab creates, written before each is made, so `down` undoes exactly that.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabUsageError } from './lab-error.js';
import { stateProblem } from './lab-state-check.js';

export const STATE_FILE = 'lab-state.json';
export const STATE_VERSION = 1;

export type ProcessRole = 'zebra' | 'bgpd' | 'bfdd' | 'listener' | 'tcpdump' | 'vm';

export interface LabProcess {
  readonly role: ProcessRole;
  /** The switch or namespace it serves. */
  readonly device: string;
  readonly netns: string;
  /** Daemons write their pid here; recorded before they start, so a crash between start and record loses nothing. */
  readonly pidFile?: string;
  readonly pid?: number;
  /** Start time from /proc/<pid>/stat: a pid the kernel has given to another process since is never signalled. */
  readonly startTime?: number;
}

export interface LabState {
  readonly version: number;
  readonly name: string;
  /** The lab directory: compiled outputs, FRR files, logs, captures; removed as a whole by `down`. */
  readonly dir: string;
  readonly spec: string;
  readonly specHash: string;
  readonly createdAt: string;
  /** `building` until `up` finished; a lab left `building` crashed or failed half way. */
  readonly phase: 'building' | 'up';
  /** Global network namespaces, in creation order. */
  readonly namespaces: readonly string[];
  /** Mount points (the private namespace directory and the namespaces pinned in it), in creation order. */
  readonly mounts: readonly string[];
  readonly processes: readonly LabProcess[];
  /** Paths removed as a whole by `down`: the lab directory. */
  readonly paths: readonly string[];
  /** Directories `up` had to create above the lab directory (e.g. /tmp/thrice-lab), deepest first: removed when empty. */
  readonly parentDirs: readonly string[];
  /** What the lab does differently from the generated outputs, and why; printed by `up` and `status`. */
  readonly differences: readonly string[];
  /** A lab run inside a VM (`up --kernel vm`): qemu is its one process here, the lab proper lives in the guest. */
  readonly vm?: LabVm;
}

export interface LabVm {
  /** The guest kernel's version. */
  readonly kernel: string;
  /** The lab's directory inside the guest (its tmpfs): FRR's sockets cannot live on the shared directory. */
  readonly innerDir: string;
}

export function statePath(dir: string): string {
  return join(dir, STATE_FILE);
}

/**
 * The state recorded in `dir`. `down` removes what it lists, so a file that is not what `up` writes (another version,
 * hand-edited, copied from another lab) is refused as a whole rather than trusted with paths and namespaces.
 */
export function readState(dir: string): LabState | undefined {
  const path = statePath(dir);
  if (!existsSync(path)) return undefined;
  let state: unknown;
  try {
    state = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new LabUsageError(`${path} is not a lab state file: ${error.message}`);
  }
  const version = (state as { version?: unknown } | null)?.version;
  if (version !== STATE_VERSION) throw new LabUsageError(`${path} is a version ${String(version)} lab state; this thrice reads version ${STATE_VERSION}`);
  const problem = stateProblem(state, dir);
  if (problem) throw new LabUsageError(`${path} is not a state file thrice wrote for this directory: ${problem}`);
  return state as LabState;
}

/** Writes through on every change (temporary file, then rename), so the file on disk never lags what exists. */
export class LabStateFile {
  #state: LabState;

  constructor(
    readonly dir: string,
    initial: LabState,
  ) {
    this.#state = initial;
    this.#write();
  }

  get state(): LabState {
    return this.#state;
  }

  update(change: (s: LabState) => Partial<LabState>): void {
    this.#state = { ...this.#state, ...change(this.#state) };
    this.#write();
  }

  addNamespace(name: string): void {
    this.update((s) => ({ namespaces: [...s.namespaces, name] }));
  }

  /** Forgets a namespace once it is deleted again (the kernel probe's). */
  dropNamespace(name: string): void {
    this.update((s) => ({ namespaces: s.namespaces.filter((n) => n !== name) }));
  }

  addMount(path: string): void {
    this.update((s) => ({ mounts: [...s.mounts, path] }));
  }

  addProcess(p: LabProcess): void {
    this.update((s) => ({ processes: [...s.processes, p] }));
  }

  /** Replaces the record of a process (matched by pid file, or by pid) once its pid is known, or drops it once it ended. */
  setProcess(match: (p: LabProcess) => boolean, next: LabProcess | undefined): void {
    this.update((s) => ({ processes: s.processes.flatMap((p) => (match(p) ? (next ? [next] : []) : [p])) }));
  }

  #write(): void {
    const path = statePath(this.dir);
    const staging = `${path}.tmp-${process.pid}`;
    writeFileSync(staging, JSON.stringify(this.#state, null, 2) + '\n');
    renameSync(staging, path);
  }
}

export function emptyState(fields: Pick<LabState, 'name' | 'dir' | 'spec' | 'specHash'>, parentDirs: readonly string[] = []): LabState {
  return {
    version: STATE_VERSION,
    ...fields,
    createdAt: new Date().toISOString(),
    phase: 'building',
    namespaces: [],
    mounts: [],
    processes: [],
    paths: [fields.dir],
    parentDirs,
    differences: [],
  };
}
