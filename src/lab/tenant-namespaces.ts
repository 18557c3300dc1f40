// Tenant VRFs as namespaces in a directory private to the lab, and the per-leaf view FRR's namespace VRF backend reads.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabStateFile } from './lab-state.js';
import { bindMount, isMountPoint } from './lab-mounts.js';
import { NETNS_DIR, netnsPath } from './netns.js';
import { runCommand } from './run-command.js';

/**
 * overlay-netns.sh names tenant namespaces `<leaf>--<vrf>` with `ip netns add`, which pins them in /run/netns,
 * global to the machine: two labs (or a lab and the emitter's kernel tests) would share `leaf1--blue`. The lab
 * runs the script with this directory mounted over /run/netns instead. It is a shared mount, so the pins the
 * script makes inside its own mount namespace appear here and outlive it.
 */
export function tenantDir(labDir: string): string {
  return join(labDir, 'netns');
}

export function prepareTenantDir(state: LabStateFile, dir: string): void {
  mkdirSync(dir, { recursive: true });
  if (isMountPoint(dir)) return;
  state.addMount(dir);
  bindMount(dir, dir);
  // A peer group of its own: shared with the script's copy only, not with whatever the parent mount shares with.
  runCommand('mount', ['--make-private', dir]);
  runCommand('mount', ['--make-shared', dir]);
}

/**
 * Runs a script in the leaf's namespace with the tenant directory as its /run/netns. The copy of /run/netns is made
 * a slave first, so mounting over it does not propagate back over the machine's /run/netns.
 */
export function runWithTenantDir(leafNetns: string, dir: string, script: string): string {
  const shell = 'mount --make-slave "$1" && mount --rbind "$2" "$1" && exec sh "$3"';
  return runCommand('nsenter', [`--net=${netnsPath(leafNetns)}`, 'unshare', '--mount', '--propagation', 'unchanged', 'sh', '-c', shell, 'sh', NETNS_DIR, dir, script]);
}

/** Namespaces pinned in the tenant directory (each a mount point). */
export function tenantNamespaces(dir: string): string[] {
  return readdirSync(dir).filter((name) => isMountPoint(join(dir, name)));
}

/**
 * FRR's namespace backend (`zebra -n`) makes every namespace in /run/netns a VRF named after it. frr.conf names the
 * VRFs `blue`, `green`, so each leaf's zebra gets a directory of its own tenants only, bound under their VRF names:
 * the generated frr.conf is then used unchanged, and no zebra sees another leaf's tenants.
 */
export function prepareZebraView(state: LabStateFile, view: string, dir: string, tenants: readonly { vrf: string; netns: string }[]): void {
  mkdirSync(view, { recursive: true });
  for (const t of tenants) {
    const target = join(view, t.vrf);
    if (isMountPoint(target)) continue;
    writeFileSync(target, '');
    state.addMount(target);
    bindMount(join(dir, t.netns), target);
  }
}
