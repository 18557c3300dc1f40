// zebra and bgpd (and bfdd when frr.conf asks for BFD) of Debian's FRR, per switch namespace, on the generated frr.conf with every path private to the lab.
import { chownSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedFrr } from './lab-plan-types.js';
import type { LabProcess, LabStateFile } from './lab-state.js';
import { identify, sleepMs } from './lab-processes.js';
import { NETNS_DIR } from './netns.js';
import { runCommand } from './run-command.js';
import { LabError } from './lab-error.js';
import { prepareZebraView, tenantDir } from './tenant-namespaces.js';

export const FRR_BIN = '/usr/lib/frr';

export type FrrDaemon = 'zebra' | 'bgpd' | 'bfdd';

export interface FrrPaths {
  /** The daemons' runtime directory, also the vty socket directory vtysh is pointed at. */
  readonly dir: string;
  readonly zserv: string;
  /** The switch's tenants under their VRF names: zebra's /run/netns. */
  readonly view: string;
  readonly pidFile: (daemon: FrrDaemon) => string;
  readonly log: (daemon: FrrDaemon) => string;
  /** The daemon's vty socket, which the lab asks directly (see frr-vty-client.ts). */
  readonly vty: (daemon: FrrDaemon) => string;
  /** bfdd's control socket (default /var/run/frr/bfdd.sock, shared by every bfdd on the machine). */
  readonly bfdctl: string;
}

export function frrPaths(labDir: string, sw: string): FrrPaths {
  const dir = join(labDir, 'frr', sw);
  return {
    dir,
    zserv: join(dir, 'zserv.api'),
    view: join(dir, 'netns'),
    pidFile: (d) => join(dir, `${d}.pid`),
    log: (d) => join(dir, `${d}.log`),
    vty: (d) => join(dir, `${d}.vty`),
    bfdctl: join(dir, 'bfdd.sock'),
  };
}

/** Unix socket paths are limited to 107 bytes; FRR would fail later with a less clear message. */
export function socketPathProblem(labDir: string, switchNames: readonly string[]): string | undefined {
  const longest = switchNames.reduce((a, b) => (b.length > a.length ? b : a), '');
  const path = join(frrPaths(labDir, longest).dir, 'staticd.vty');
  return Buffer.byteLength(path) > 107 ? `the lab directory ${labDir} is too long for FRR's unix sockets (${path}); pick a shorter --dir` : undefined;
}

/**
 * Starts every zebra, waits for their sockets, then every bfdd (where BFD is configured) and bgpd: the daemons fork into the background at once, so
 * starting all switches in one pass costs about as much as one (what matters at sixteen leaves).
 */
export function startFrrDaemons(state: LabStateFile, all: readonly PlannedFrr[], outDir: string, labDir: string, frrUser: { uid: number; gid: number }): string[] {
  const adjusted: string[] = [];
  const configOf = (frr: PlannedFrr): string => {
    const config = labFrrConfig(frr, outDir, labDir, frrUser);
    if (config.withoutImportVrf) adjusted.push(`${frr.config} without \`import vrf\` (${config.path})`);
    return config.path;
  };
  const configs = new Map(all.map((frr) => [frr.switch, configOf(frr)]));
  type Daemon = FrrDaemon;
  const started: { frr: PlannedFrr; paths: FrrPaths; role: Daemon; record: LabProcess }[] = [];
  const launch = (frr: PlannedFrr, role: Daemon, paths: FrrPaths, argv: string[]): void => {
    const record: LabProcess = { role, device: frr.switch, netns: frr.netns, pidFile: paths.pidFile(role) };
    state.addProcess(record);
    runCommand(argv[0] as string, argv.slice(1));
    started.push({ frr, paths, role, record });
  };
  const common = (frr: PlannedFrr, paths: FrrPaths, d: Daemon): string[] => [
    '-d', '-f', configs.get(frr.switch) ?? join(outDir, frr.config), '-i', paths.pidFile(d), '-z', paths.zserv, '--vty_socket', paths.dir, '-P', '0', '--log', `file:${paths.log(d)}`,
  ];
  for (const frr of all) {
    const paths = frrPaths(labDir, frr.switch);
    mkdirSync(paths.dir, { recursive: true });
    // The daemons drop to user frr and create their sockets, pid files and logs here.
    chownSync(paths.dir, frrUser.uid, frrUser.gid);
    if (frr.tenants.length > 0) {
      prepareZebraView(state, paths.view, tenantDir(labDir), frr.tenants);
      // `ip netns exec` gives zebra a mount namespace of its own, where the view can replace /run/netns.
      const shell = 'mount --rbind "$1" "$2" && shift 2 && exec "$@"';
      launch(frr, 'zebra', paths, ['ip', 'netns', 'exec', frr.netns, 'sh', '-c', shell, 'sh', paths.view, NETNS_DIR, `${FRR_BIN}/zebra`, '-n', ...common(frr, paths, 'zebra')]);
    } else {
      launch(frr, 'zebra', paths, ['ip', 'netns', 'exec', frr.netns, `${FRR_BIN}/zebra`, ...common(frr, paths, 'zebra')]);
    }
  }
  const zebras = [...started];
  for (const { frr, paths } of zebras) {
    waitFor(() => existsSync(paths.zserv), 10_000, `zebra of ${frr.switch} did not open ${paths.zserv}; see ${paths.log('zebra')}`);
    // bgpd asks zebra for BFD, which relays to bfdd; bfdd replays its sessions to a late bgpd, so order does not matter.
    if (frr.bfd) launch(frr, 'bfdd', paths, ['ip', 'netns', 'exec', frr.netns, `${FRR_BIN}/bfdd`, ...common(frr, paths, 'bfdd'), '--bfdctl', paths.bfdctl]);
    launch(frr, 'bgpd', paths, ['ip', 'netns', 'exec', frr.netns, `${FRR_BIN}/bgpd`, ...common(frr, paths, 'bgpd')]);
  }
  for (const { frr, paths, role, record } of started) {
    let found: LabProcess | undefined;
    waitFor(() => (found = identify(record)) !== undefined, 10_000, `${role} of ${frr.switch} did not start; see ${paths.log(role)}`);
    state.setProcess((p) => p.pidFile === record.pidFile, found);
  }
  return adjusted;
}

/**
 * The frr.conf a switch's daemons read: the generated one (with VRF devices, `import vrf` and all), except on a switch
 * whose tenant VRFs are namespaces (`zebra -n`) and whose VRFs leak routes to each other with `import vrf`. A route in one namespace cannot lead into
 * another, so zebra installs a leaked route in the importing namespace with the exporting VRF's router MAC and VNI,
 * and while such a path is best (it often is: the oldest) the VRF's own route is not used and the traffic is lost.
 * The lab's copy leaves those lines out: peered VPCs still learn each other's routes through the route targets each
 * VRF imports over EVPN, which ride the importing VRF's L3 VNI.
 */
export function labFrrConfig(frr: PlannedFrr, outDir: string, labDir: string, frrUser?: { uid: number; gid: number }): { path: string; withoutImportVrf: boolean } {
  const generated = join(outDir, frr.config);
  // A frr.conf holding the BGP password is written 0600 (root's): the daemons, which read it as user frr, get a
  // copy they own, as a deployment installs /etc/frr/frr.conf owned by frr (0640 frr:frr).
  const secret = (statSync(generated).mode & 0o004) === 0;
  if (frr.tenants.length === 0 && !secret) return { path: generated, withoutImportVrf: false };
  const text = readFileSync(generated, 'utf8');
  const lines = text.split('\n');
  const kept = frr.tenants.length === 0 ? lines : lines.filter((l) => !/^\s*import vrf \S+\s*$/.test(l));
  const withoutImportVrf = kept.length !== lines.length;
  if (!withoutImportVrf && !secret) return { path: generated, withoutImportVrf };
  const own = join(labDir, 'lab', 'frr');
  mkdirSync(own, { recursive: true });
  const file = join(own, `${frr.switch}.conf`);
  writeFileSync(file, kept.join('\n'), { mode: 0o600 });
  if (frrUser) chownSync(file, frrUser.uid, frrUser.gid);
  return { path: file, withoutImportVrf };
}

function waitFor(ready: () => boolean, timeoutMs: number, message: string): void {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new LabError(message);
    sleepMs(25);
  }
}
