// Checks up front what the lab needs from the machine (root, tools, FRR, the frr user), with what to do about each gap.
import { accessSync, constants, readFileSync } from 'node:fs';
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

const onPath = (name: string): boolean => tryCommand('sh', ['-c', 'command -v "$1"', 'sh', name]).status === 0;

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
    ...['zebra', 'bgpd'].map((d): Requirement => ({ ok: executable(`${FRR_BIN}/${d}`), what: `FRR's ${d} at ${FRR_BIN}/${d}`, fix: "install Debian's frr (apt-get install frr)" })),
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
