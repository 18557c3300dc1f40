// Every generated script converges: revision A's scripts then revision B's leave a device as B's alone do. Needs root.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../src/emit/emitter.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import { emitters } from '../../src/emit/index.js';
import { compile } from '../helpers/run-pipeline.js';
import { hasCommand, testNeeding } from './test-needing.js';
import { probeKernel } from './leaf-overlay-lab.js';
import { runWithTenantDir } from '../../src/lab/tenant-namespaces.js';

const ready = process.getuid?.() === 0 && ['ip', 'bridge', 'nsenter', 'unshare', 'mount', 'nft'].every(hasCommand);
const asRoot = testNeeding('root, iproute2, nftables and util-linux (network and mount namespaces)', ready);
const kernel = ready ? probeKernel() : { vrf: false, vlan: false };
/** A kernel feature is not a tool CI can install: without it the test is skipped, saying why, under CI too. */
const withVrfs = (name: string, fn: () => void): void => {
  if (!kernel.vrf || !kernel.vlan) it.skip(`${name} (needs a kernel with VRF devices and 802.1Q; issue 11's VM kernel has both)`, fn);
  else asRoot(name, fn);
};

const work = mkdtempSync(join(tmpdir(), 'thrice-converge-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Revision A: two leaves, two VPCs, a flannel cluster of three nodes. */
const REVISION_A = `thrice: 1
name: conv
fabric:
  mtu: 9216
  loopbacks: 10.255.0.0/16
  asn: {leaf: 65100-65999}
  spines: 1
  leaves: [{name: leaf1}, {name: leaf2}]
  hosts: [{name: hv1, leaf: leaf1}, {name: hv2, leaf: leaf2}]
vpcs:
  - name: blue
    vni: 50001
    cidr: 10.1.0.0/16
    subnets:
      - {name: nodes, cidr: 10.1.1.0/24, vni: 10101}
      - {name: db, cidr: 10.1.2.0/24, vni: 10102}
    vms:
      - {name: k8s-1, host: hv1, subnet: nodes}
      - {name: k8s-2, host: hv2, subnet: nodes, ip: 10.1.1.12}
      - {name: k8s-3, host: hv1, subnet: nodes}
      - {name: pg-1, host: hv1, subnet: db}
  - name: red
    vni: 50003
    cidr: 10.3.0.0/16
    subnets: [{name: apps, cidr: 10.3.1.0/24, vni: 10301}]
    vms: [{name: r1, host: hv1, subnet: apps}]
clusters:
  - name: prod
    vpc: blue
    nodes: [k8s-1, k8s-2, k8s-3]
    cni: {plugin: flannel, backend: vxlan, vni: 1, port: 8472}
    podCidr: 10.244.0.0/16
    nodeCidrSize: 24
    serviceCidr: 10.96.0.0/12
`;

/**
 * Revision B, compiled with A's lock (less its loopbacks) as a real next revision is: VPC red is gone (its VRF, VNIs, VLAN and VM port);
 * blue/db has another VNI (devices renamed); a new subnet; another loopback pool (every VTEP address, so every VXLAN
 * device must be remade, the loopbacks and the hypervisor's underlay address and route change); k8s-3 has left the
 * cluster and the VPC (its neighbour, FDB entry and route go); k8s-2 has another address; flannel another port (its
 * VXLAN device must be remade). The new subnet's VM sits under leaf2: it takes red's freed VLAN, and on a kernel
 * without 802.1Q the lab's stand-in for that VLAN on leaf1 dies with red's tenant namespace (a real VLAN subinterface
 * would simply be made again by the script).
 */
const REVISION_B = REVISION_A.replace('loopbacks: 10.255.0.0/16', 'loopbacks: 10.254.0.0/16')
  .replace('{name: db, cidr: 10.1.2.0/24, vni: 10102}', '{name: db, cidr: 10.1.2.0/24, vni: 10112}\n      - {name: web, cidr: 10.1.3.0/24, vni: 10103}')
  .replace('ip: 10.1.1.12}', 'ip: 10.1.1.22}')
  .replace('      - {name: k8s-3, host: hv1, subnet: nodes}\n', '      - {name: w-1, host: hv2, subnet: web}\n')
  .replace(/  - name: red\n(?:    .*\n)+?(?=clusters:)/, '')
  .replace('nodes: [k8s-1, k8s-2, k8s-3]', 'nodes: [k8s-1, k8s-2]')
  .replace('port: 8472', 'port: 8473');

interface Revision {
  readonly ir: TopologyIR;
  readonly files: ReadonlyMap<string, OutputFile>;
}

function revisions(): { a: Revision; b: Revision } {
  const a = compile(REVISION_A);
  expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  // The new pool voids the locked loopbacks: their entries are deleted, as the lock-value-invalid hint says.
  const lock = (a.lockText ?? '').replace(/loopback: 10\.255\.\d+\.\d+(, )?/g, '').replace(/, \}/g, ' }');
  const b = compile(REVISION_B, 'spec.yaml', lock);
  expect(b.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const revision = (r: typeof a): Revision => ({ ir: r.ir!, files: new Map(emitters.flatMap((e) => e.emit(r.ir!, {})).map((f) => [f.path, f])) });
  return { a: revision(a), b: revision(b) };
}

const run = (command: string, args: string[]): string => execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * One device stood in for by a network namespace, with a private directory for the tenant namespaces overlay-netns.sh
 * pins (mounted over /run/netns for the script only, as the lab does), so the tests running beside this one never
 * meet its `leaf1--blue`.
 */
class Device {
  readonly netns = `thrice-conv-${randomBytes(4).toString('hex')}`;
  readonly tenants: string;
  constructor() {
    this.tenants = join(work, this.netns);
    mkdirSync(this.tenants);
    run('mount', ['--bind', this.tenants, this.tenants]);
    run('mount', ['--make-private', this.tenants]);
    run('mount', ['--make-shared', this.tenants]);
    run('ip', ['netns', 'add', this.netns]);
    run('ip', ['-n', this.netns, 'link', 'set', 'dev', 'lo', 'up']);
  }

  /** A port (or a lab's VLAN stand-in) as a veth pair whose other end stays here, unless made before (and maybe moved). */
  port(name: string, peer: string): void {
    const exists = spawnSync('ip', ['-n', this.netns, 'link', 'show', 'dev', peer], { stdio: 'ignore' }).status === 0;
    if (!exists) run('ip', ['-n', this.netns, 'link', 'add', name, 'type', 'veth', 'peer', 'name', peer]);
  }

  /** Runs a script of the revision as the lab does (tenant directory over /run/netns); returns what it printed. */
  script(revision: Revision, path: string): string {
    const file = revision.files.get(path);
    if (!file) throw new Error(`no ${path}`);
    const script = join(work, `${this.netns}-${path.replaceAll('/', '-')}`);
    writeFileSync(script, file.contents, { mode: 0o755 });
    return runWithTenantDir(this.netns, this.tenants, script);
  }

  /** Everything thrice's scripts decide, here and in each tenant namespace, in a form two devices can be compared by. */
  state(ignore: ReadonlySet<string>, macs: ReadonlySet<string>): Record<string, string[]> {
    const tenants = readdirSync(this.tenants).sort();
    const here = (tool: string) => (args: string[]) => run(tool, ['-n', this.netns, ...args]);
    const state: Record<string, string[]> = { '.': namespaceState(here('ip'), here('bridge'), ignore, macs) };
    for (const t of tenants) {
      const at = (tool: string) => (args: string[]) => run('nsenter', [`--net=${join(this.tenants, t)}`, tool, ...args]);
      state[t] = namespaceState(at('ip'), at('bridge'), ignore, macs);
    }
    state['nft'] = run('ip', ['netns', 'exec', this.netns, 'nft', 'list', 'ruleset']).split('\n');
    return state;
  }

  destroy(): void {
    for (const t of readdirSync(this.tenants)) spawnSync('umount', [join(this.tenants, t)]);
    spawnSync('umount', [this.tenants]);
    spawnSync('ip', ['netns', 'del', this.netns]);
  }
}

interface Link {
  ifname: string;
  mtu: number;
  flags: string[];
  master?: string;
  link?: string;
  address?: string;
  ifalias?: string;
  linkinfo?: { info_kind?: string; info_data?: Record<string, unknown>; info_slave_data?: Record<string, unknown> };
  addr_info?: { family: string; local: string; prefixlen: number; label?: string }[];
}

/** Kernel-chosen values (indexes, counters, the random MAC of a device thrice gives none: not in `macs`) are left out. */
function namespaceState(ip: (args: string[]) => string, bridge: (args: string[]) => string, ignore: ReadonlySet<string>, macs: ReadonlySet<string>): string[] {
  const links = (JSON.parse(ip(['-d', '-j', 'address', 'show'])) as Link[]).filter((l) => !ignore.has(l.ifname));
  const lines = links.map((l) => {
    const kind = l.linkinfo?.info_kind ?? '-';
    const data = l.linkinfo?.info_data ?? {};
    const settings =
      kind === 'vxlan' ? `id ${String(data['id'])} local ${String(data['local'])} port ${String(data['port'])} learning ${String(data['learning'])}`
      : kind === 'vrf' ? `table ${String(data['table'])}`
      : kind === 'macvlan' ? `mode ${String(data['mode'])}`
      : kind === 'vlan' ? `id ${String(data['id'])}`
      : '';
    const mac = macs.has(l.address ?? '') ? l.address : 'random';
    const port = l.linkinfo?.info_slave_data ? `learning ${String(l.linkinfo.info_slave_data['learning'])} suppress ${String(l.linkinfo.info_slave_data['neigh_suppress'])}` : '';
    const addresses = (l.addr_info ?? []).filter((a) => a.family === 'inet').map((a) => `${a.local}/${a.prefixlen}${a.label && a.label !== l.ifname ? ` ${a.label}` : ''}`).sort();
    return [l.ifname, kind, settings, l.link ?? '', l.master ?? '', mac, l.mtu, l.flags.includes('UP') ? 'up' : 'down', l.ifalias ?? '', port, addresses.join(',')].join(' | ');
  });
  const routes = (JSON.parse(ip(['-j', 'route', 'show', 'table', 'all'])) as Record<string, unknown>[])
    .filter((r) => r['table'] !== 'local' && !ignore.has(String(r['dev'])))
    .map((r) => ['dst', 'gateway', 'dev', 'table', 'protocol', 'metric', 'prefsrc', 'scope', 'type'].map((k) => `${k}=${String(r[k] ?? '')}`).join(' '));
  const neighbours = (JSON.parse(ip(['-j', 'neigh', 'show', 'nud', 'permanent'])) as Record<string, unknown>[]).map((n) => `neigh ${String(n['dst'])} ${String(n['dev'])} ${String(n['lladdr'])}`);
  const fdb = (JSON.parse(bridge(['-j', 'fdb', 'show'])) as Record<string, unknown>[])
    .filter((f) => f['dst'] !== undefined || (f['state'] === 'permanent' && (f['flags'] as string[] | undefined)?.includes('self') && String(f['mac']).startsWith('02:')))
    .filter((f) => !ignore.has(String(f['ifname'])))
    .map((f) => `fdb ${String(f['mac'])} ${String(f['ifname'])} ${String(f['dst'] ?? '')} ${String(f['state'] ?? '')}`);
  return [...lines, ...routes, ...neighbours, ...fdb].sort();
}

/**
 * Applies `paths` of revision A then of B on one device, and B's alone on another; both must end alike, and B again
 * on the first must remove nothing. `ports` makes a device's ports and (kernels without 802.1Q) VLAN stand-ins,
 * which a lab makes and the scripts use as they are: the first device gets A's and then B's, the second B's only.
 */
function expectConverges(paths: readonly string[], ports: (revision: Revision, device: Device) => string[]): void {
  const { a, b } = revisions();
  const converged = new Device();
  const fresh = new Device();
  try {
    const standInsOfA = ports(a, converged);
    for (const path of paths) converged.script(a, path);
    const printed = paths.map((path) => {
      ports(b, converged);
      return converged.script(b, path);
    });
    const standInsOfB = ports(b, fresh);
    for (const path of paths) fresh.script(b, path);
    // A's stand-ins that B does not use are the lab's, not thrice's: the scripts rightly leave them.
    const ignore = new Set([...standInsOfA.filter((s) => !standInsOfB.includes(s)), ...standInsOfA.map(peerOf), ...standInsOfB.map(peerOf)]);
    const macs = new Set((JSON.stringify(b.ir).match(/[0-9a-f]{2}(?::[0-9a-f]{2}){5}/gi) ?? []).map((m) => m.toLowerCase()));
    expect(converged.state(ignore, macs)).toEqual(fresh.state(ignore, macs));
    expect(printed.join(''), 'revision B removed something').toMatch(/thrice: removing/);
    for (const path of paths) expect(converged.script(b, path), `${path} again`).not.toMatch(/thrice: removing/);
    expect(converged.state(ignore, macs)).toEqual(fresh.state(ignore, macs));
  } finally {
    converged.destroy();
    fresh.destroy();
  }
}

const peerOf = (name: string): string => `p-${name}`.slice(0, 15);

/** The leaf's ports and, without 802.1Q, a veth stand-in for each VLAN subinterface its overlay uses. */
function leafPorts(leaf: string) {
  return (revision: Revision, device: Device): string[] => {
    const sw = revision.ir.fabric!.switches.find((s) => s.name === leaf)!;
    for (const port of [...sw.interfaces, ...sw.hostPorts]) device.port(port.name, `peer${port.port}`);
    if (kernel.vlan) return [];
    const standIns = revision.ir.fabric!.hosts
      .filter((h) => h.leaf === leaf)
      .flatMap((h) => [...new Set(revision.ir.overlay.vms.filter((vm) => vm.host === h.name).map((vm) => revision.ir.overlay.vpcs.flatMap((v) => v.subnets).find((s) => s.vpc === vm.vpc && s.name === vm.subnet)!.vlan))].map((vlan) => `${h.leafInterface}.${vlan}`));
    for (const s of standIns) device.port(s, peerOf(s));
    return standIns;
  };
}

function hostPorts(host: string) {
  return (revision: Revision, device: Device): string[] => {
    device.port('eth0', 'peer0');
    if (kernel.vlan) return [];
    const subnets = revision.ir.overlay.vpcs.flatMap((v) => v.subnets);
    const vlans = new Set(revision.ir.overlay.vms.filter((vm) => vm.host === host).map((vm) => subnets.find((s) => s.vpc === vm.vpc && s.name === vm.subnet)!.vlan));
    const standIns = [...vlans].map((vlan) => `eth0.${vlan}`);
    for (const s of standIns) device.port(s, peerOf(s));
    return standIns;
  };
}

const vmPorts = (revision: Revision, device: Device): string[] => {
  device.port('eth0', 'peer0');
  return [];
};

describe('scripts converge from an earlier revision to the new one', { timeout: 120_000 }, () => {
  asRoot('leaf1: interfaces.sh and overlay-netns.sh (a VPC, a VNI and every VTEP address changed)', () => {
    expectConverges(['fabric/leaf1/interfaces.sh', 'fabric/leaf1/overlay-netns.sh'], leafPorts('leaf1'));
  });

  asRoot('leaf2: interfaces.sh and overlay-netns.sh (a subnet added, every VTEP address changed)', () => {
    expectConverges(['fabric/leaf2/interfaces.sh', 'fabric/leaf2/overlay-netns.sh'], leafPorts('leaf2'));
  });

  withVrfs('leaf1 and leaf2: interfaces.sh and overlay.sh, with VRF devices', () => {
    expectConverges(['fabric/leaf1/interfaces.sh', 'fabric/leaf1/overlay.sh'], leafPorts('leaf1'));
    expectConverges(['fabric/leaf2/interfaces.sh', 'fabric/leaf2/overlay.sh'], leafPorts('leaf2'));
  });

  asRoot('hv1: setup.sh (a VPC and a VM gone, a VLAN added, another underlay address)', () => {
    expectConverges(['hosts/hv1/setup.sh'], hostPorts('hv1'));
  });

  asRoot('k8s-2: setup.sh and pod-overlay.sh (another address, a node gone, another flannel port)', () => {
    expectConverges(['vms/k8s-2/setup.sh', 'vms/k8s-2/pod-overlay.sh'], vmPorts);
  });

  asRoot('k8s-1: setup.sh and pod-overlay.sh', () => {
    expectConverges(['vms/k8s-1/setup.sh', 'vms/k8s-1/pod-overlay.sh'], vmPorts);
  });
});
