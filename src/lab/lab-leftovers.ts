// Namespaces of a lab that no state file records (its state lost, an older thrice's kernel probe): found by name and mark only.
import { PROBE_LINKS, probeNetnsPattern } from './kernel-features.js';
import { isMountPoint } from './lab-mounts.js';
import { processesInNamespaces, startTimeOf, stopPid } from './lab-processes.js';
import { deleteNetns, labMark, listNetns, netnsContents, netnsExists, netnsPath } from './netns.js';

export interface Leftovers {
  /** Marked with this lab's name and directory, or an unmarked kernel probe of this lab's name: removed. */
  readonly ours: readonly string[];
  /** Named like the lab's but not marked as this lab's (nor as another lab's): left alone, and said so. */
  readonly foreign: readonly string[];
}

/**
 * Namespaces `<lab>-*` that `recorded` does not list. A name prefix alone is no proof (lab `a` would take lab `a-b`'s
 * namespaces), so each must carry this lab's mark; older versions marked nothing and leaked only their kernel probe, which
 * is recognised by its name and by holding nothing but the probe's links. `probes` is false where the lab name is a guess.
 */
export function findLeftovers(lab: string, dir: string, recorded: ReadonlySet<string>, probes: boolean): Leftovers {
  const mark = labMark(lab, dir);
  const ours: string[] = [];
  const foreign: string[] = [];
  for (const name of listNetns().filter((n) => n.startsWith(`${lab}-`) && !recorded.has(n))) {
    const contents = netnsContents(name);
    const marked = contents?.mark?.startsWith('thrice-lab:') ? contents.mark : undefined;
    if (marked === mark) ours.push(name);
    else if (probes && !marked && probeNetnsPattern(lab).test(name) && (contents ? contents.links.every((l) => PROBE_LINKS.has(l)) : !isMountPoint(netnsPath(name)))) ours.push(name);
    // Marked for another lab of this name (another --dir), or for a lab whose name this one prefixes: not ours to judge.
    else if (!marked) foreign.push(name);
  }
  return { ours, foreign };
}

/** Stops what runs inside them, then deletes them; returns those still there. */
export function removeNamespaces(names: readonly string[]): string[] {
  for (const pid of processesInNamespaces(names.map(netnsPath))) stopPid(pid, startTimeOf(pid));
  for (const name of names) deleteNetns(name);
  return names.filter(netnsExists);
}
