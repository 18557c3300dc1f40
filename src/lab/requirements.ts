// Checks up front what the lab needs from the machine (root, tools, FRR, the frr user), with what to do about each gap.
import { type Stats, accessSync, constants, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { FRR_BIN } from './frr-daemons.js';
import { tryCommand } from './run-command.js';

export interface Requirement {
  readonly ok: boolean;
  readonly what: string;
  readonly fix: string;
}

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export const onPath = (name: string): boolean => tryCommand('sh', ['-c', 'command -v "$1"', 'sh', name]).status === 0;

export function checkRequirements(options: { capture: boolean }): Requirement[] {
  const isRoot = process.getuid?.() === 0;
  const tools: [string, string][] = [
    ['ip', 'iproute2'],
    ['bridge', 'iproute2'],
    ['nft', 'nftables'],
    ['nsenter', 'util-linux'],
    ['unshare', 'util-linux'],
    ['mount', 'mount'],
    ['umount', 'mount'],
    ['vtysh', 'frr'],
    ...(options.capture ? ([['tcpdump', 'tcpdump']] as [string, string][]) : []),
  ];
  return [
    { ok: isRoot, what: 'root (network namespaces, veth pairs, mounts and FRR need it)', fix: 'run as root, e.g. with sudo' },
    ...tools.map(([tool, pkg]): Requirement => ({ ok: onPath(tool), what: `\`${tool}\` on PATH`, fix: `install Debian's ${pkg} (apt-get install ${pkg})` })),
    ...['zebra', 'bgpd', 'bfdd'].map((d): Requirement => ({ ok: executable(`${FRR_BIN}/${d}`), what: `FRR's ${d} at ${FRR_BIN}/${d}`, fix: "install Debian's frr (apt-get install frr)" })),
    { ok: frrUser() !== undefined, what: 'the frr user (FRR daemons drop to it)', fix: "install Debian's frr, which creates it" },
  ];
}

/** uid and gid of the `frr` user, from /etc/passwd. */
export function frrUser(): { uid: number; gid: number } | undefined {
  try {
    const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('frr:'));
    const fields = line?.split(':');
    return fields ? { uid: Number(fields[2]), gid: Number(fields[3]) } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first directory at or above `dir` that the frr user may not pass through, with its mode: the daemons drop to frr
 * before they open their pid files, sockets and logs under the lab directory, and would fail with no hint why.
 */
export function blockedForFrr(dir: string, user: { uid: number; gid: number }): { dir: string; mode: string } | undefined {
  const groups = new Set([user.gid, ...supplementaryGroups('frr')]);
  for (let d = dir; ; d = dirname(d)) {
    const st = statOrUndefined(d);
    if (st) {
      const bit = st.uid === user.uid ? 0o100 : groups.has(st.gid) ? 0o010 : 0o001;
      if ((st.mode & bit) === 0) return { dir: d, mode: (st.mode & 0o7777).toString(8).padStart(4, '0') };
    }
    if (d === dirname(d)) return undefined;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function supplementaryGroups(user: string): number[] {
  try {
    return readFileSync('/etc/group', 'utf8')
      .split('\n')
      .map((l) => l.split(':'))
      .filter((f) => (f[3] ?? '').split(',').includes(user))
      .map((f) => Number(f[2]));
  } catch {
    return [];
  }
}
