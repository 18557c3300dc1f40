// `verify --capture`: a short pcap at every spine while one probe crosses the fabric, so the nested headers can be seen.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { LabStateFile } from '../lab-state.js';
import { startTimeOf, stopProcess, sleepMs } from '../lab-processes.js';
import { netnsPath } from '../netns.js';
import { tryCommand } from '../run-command.js';

/** pcap's global header alone: nothing was captured. */
const EMPTY_PCAP = 24;

export interface Capture {
  /** Files that hold packets, by spine. */
  readonly files: readonly { readonly spine: string; readonly file: string; readonly summary: string }[];
}

/** Starts tcpdump in each spine namespace (recorded as lab processes), runs `during`, stops them, keeps the pcaps that saw packets. */
export async function captureAtSpines(state: LabStateFile, spines: readonly { name: string; netns: string }[], dir: string, label: string, filter: string, during: () => Promise<void>): Promise<Capture> {
  mkdirSync(dir, { recursive: true });
  const running: { spine: string; file: string; child: ChildProcess; pid: number }[] = [];
  try {
    for (const spine of spines) {
      const file = join(dir, `${label}-${spine.name}.pcap`);
      const child = spawn('nsenter', [`--net=${netnsPath(spine.netns)}`, 'tcpdump', '-i', 'any', '-n', '-U', '-s', '256', '-w', file, filter], { stdio: ['ignore', 'ignore', 'pipe'] });
      if (child.pid === undefined) throw new Error(`cannot start tcpdump in ${spine.netns}`);
      state.addProcess({ role: 'tcpdump', device: spine.name, netns: spine.netns, pid: child.pid, startTime: startTimeOf(child.pid) });
      running.push({ spine: spine.name, file, child, pid: child.pid });
      await listening(child);
    }
    await during();
    sleepMs(300);
  } finally {
    for (const r of running) {
      stopProcess({ role: 'tcpdump', device: r.spine, netns: '', pid: r.pid }, 2000);
      state.setProcess((p) => p.pid === r.pid, undefined);
    }
  }
  const files = running.flatMap((r) => {
    let size = 0;
    try {
      size = statSync(r.file).size;
    } catch {
      return [];
    }
    if (size <= EMPTY_PCAP) {
      unlinkSync(r.file);
      return [];
    }
    const summary = tryCommand('tcpdump', ['-n', '-r', r.file, '-c', '2']).stdout.trim();
    return [{ spine: r.spine, file: r.file, summary }];
  });
  return { files };
}

/** tcpdump prints "listening on ..." to stderr once the capture runs. */
function listening(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 3000);
    child.stderr?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}
