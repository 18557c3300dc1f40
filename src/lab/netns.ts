// Network namespaces of a lab: create, list, delete, run inside, and veth pairs created with both ends already in place.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LinkEnd } from './lab-plan-types.js';
import { type CommandResult, runCommand, tryCommand } from './run-command.js';
import { LabError } from './lab-error.js';

/** Where `ip netns` pins namespaces (/var/run is a link to /run on every current distribution). */
export const NETNS_DIR = '/run/netns';

export const netnsPath = (name: string): string => join(NETNS_DIR, name);

export function netnsExists(name: string): boolean {
  return existsSync(netnsPath(name));
}

export function listNetns(): string[] {
  return existsSync(NETNS_DIR) ? readdirSync(NETNS_DIR) : [];
}

/**
 * What a lab writes into each namespace it makes (as the alias of `lo`), so that one no state file records (the state
 * was lost, or an older thrice leaked it) is still known as this lab's, and never taken for another lab's of a prefix name.
 */
export function labMark(lab: string, dir: string): string {
  return `thrice-lab:${lab}:${dir}`;
}

/** The alias of lo is at most 255 bytes (IFALIASZ). */
export const MAX_MARK_BYTES = 255;

/**
 * A new namespace, marked before it is pinned: one process (which a killed thrice does not take with it) brings lo up
 * with the mark, then pins its own namespace with `ip netns attach` (set up as `ip netns add` does). So no pin of a lab
 * ever exists unmarked, even when thrice is killed between two commands.
 */
export function addNetns(name: string, mark: string): void {
  // Every namespace starts with lo down; addresses on lo (loopbacks) and local sockets need it up.
  const shell = 'ip link set dev lo up alias "$1" && exec ip netns attach "$2" "$$"';
  runCommand('unshare', ['--net', 'sh', '-c', shell, 'sh', mark, name]);
}

/** The links of a namespace and the mark on its lo; undefined when it cannot be entered (a pin left without its mount). */
export function netnsContents(name: string): { links: string[]; mark?: string } | undefined {
  const r = tryCommand('ip', ['-j', '-n', name, 'link', 'show']);
  if (r.status !== 0) return undefined;
  try {
    const links = JSON.parse(r.stdout) as { ifname: string; ifalias?: string }[];
    return { links: links.map((l) => l.ifname), mark: links.find((l) => l.ifname === 'lo')?.ifalias };
  } catch {
    return undefined;
  }
}

/** Deletes a namespace; one already gone is fine (down after a partial up). */
export function deleteNetns(name: string): void {
  if (!netnsExists(name)) return;
  const r = tryCommand('ip', ['netns', 'del', name]);
  if (r.status !== 0 && netnsExists(name)) throw new LabError(`cannot delete namespace ${name}: ${r.stderr.trim()}`);
}

/**
 * Runs a command inside a namespace with nsenter, not `ip netns exec`: that also gives the command a private
 * mount namespace, and namespaces a script pins with `ip netns add` would vanish with it.
 */
export function inNetns(name: string, command: string, args: readonly string[], input?: string): string {
  return runCommand('nsenter', [`--net=${netnsPath(name)}`, command, ...args], input);
}

export function tryInNetns(name: string, command: string, args: readonly string[], input?: string): CommandResult {
  return tryInNetnsAt(netnsPath(name), command, args, input);
}

/** The same for a namespace pinned elsewhere than /run/netns (the lab's tenant namespaces), by the path of its pin. */
export function inNetnsAt(path: string, command: string, args: readonly string[], input?: string): string {
  return runCommand('nsenter', [`--net=${path}`, command, ...args], input);
}

export function tryInNetnsAt(path: string, command: string, args: readonly string[], input?: string): CommandResult {
  return tryCommand('nsenter', [`--net=${path}`, command, ...args], input);
}

/**
 * One veth pair with each end created directly in its namespace under its final name: the pair never exists in
 * the machine's own namespace, so no temporary names are needed (names only have to be unique per namespace).
 */
export function addVeth(a: LinkEnd, b: LinkEnd, mtu?: number): void {
  runCommand('ip', ['-n', a.netns, 'link', 'add', a.ifname, ...(mtu ? ['mtu', String(mtu)] : []), 'type', 'veth', 'peer', 'name', b.ifname, 'netns', b.netns]);
}

/** Runs many `ip` commands in one namespace in one process (`ip -batch`), which matters at a few hundred links. */
export function ipBatch(netns: string, lines: readonly string[]): void {
  if (lines.length === 0) return;
  runCommand('ip', ['-n', netns, '-batch', '-'], lines.join('\n') + '\n');
}
