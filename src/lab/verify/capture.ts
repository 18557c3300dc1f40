// `verify --capture`: a short pcap at every spine while one probe crosses the fabric, so the nested headers can be seen.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { LabStateFile } from '../lab-state.js';
import { startTimeOf, stopProcess, sleepMs } from '../lab-processes.js';
import { tryCommand } from '../run-command.js';
import { LabError } from '../lab-error.js';

/** pcap's global header alone: nothing was captured. */
const EMPTY_PCAP = 24;

export interface Capture {
  /** Files that hold packets, by spine. */
  readonly files: readonly { readonly spine: string; readonly file: string; readonly summary: string }[];
}

/** Starts tcpdump in each spine namespace (recorded as lab processes), runs `during`, stops them, keeps the pcaps that saw packets. */
export async function captureAtSpines(
  state: LabStateFile,
  spines: readonly { name: string; netns: string }[],
  dir: string,
  label: string,
  /** The probe's destination: summaries show the packets whose inner headers carry it. */
  address: string,
  during: () => Promise<void>,
): Promise<Capture> {
  mkdirSync(dir, { recursive: true });
  const running: { spine: string; file: string; child: ChildProcess; pid: number }[] = [];
  try {
    for (const spine of spines) {
      const file = join(dir, `${label}-${spine.name}.pcap`);
      // `ip netns exec`, not nsenter: it remounts /sys for the namespace, which tcpdump reads interface names from.
      // -Z root: tcpdump would otherwise drop to its own user before creating the file in the lab directory;
      // --immediate-mode: packets reach the file at once, not when the kernel's capture buffer times out.
      const argv = ['netns', 'exec', spine.netns, 'tcpdump', '-Z', 'root', '--immediate-mode', '-i', 'any', '-n', '-U', '-s', '256', '-w', file, 'udp port 4789'];
      const child = spawn('ip', argv, { stdio: ['ignore', 'ignore', 'pipe'] });
      if (child.pid === undefined) throw new LabError(`cannot start tcpdump in ${spine.netns}`);
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
    // Read in the spine's namespace too, so that the interface indexes in the file map to its swpN names.
    const spine = spines.find((x) => x.name === r.spine);
    const summary = summarise(tryCommand('ip', ['netns', 'exec', spine?.netns ?? '', 'tcpdump', '-n', '-r', r.file]).stdout, address);
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

/** tcpdump prints each VXLAN packet as an outer line and indented inner lines; keep the first two packets that reach `address`. */
function summarise(text: string, address: string): string {
  const packets: string[][] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    if (/^\d/.test(line)) packets.push([line]);
    else packets[packets.length - 1]?.push(line);
  }
  const mine = packets.filter((p) => p.slice(1).some((l) => l.includes(`${address}.`) || l.includes(`${address}:`) || l.endsWith(address)));
  return (mine.length > 0 ? mine : packets).slice(0, 2).flat().join('\n');
}
