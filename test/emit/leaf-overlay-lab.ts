// A throwaway kernel lab for the leaf overlay tests: a namespace per leaf with its ports, run scripts, read devices back.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { SwitchIR } from '../../src/ir/fabric-ir.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import type { SubnetIR } from '../../src/ir/overlay-ir.js';
import { subnetsServedBy, vpcsServedBy } from '../../src/emit/frr/served-vpcs.js';
import { tenantNetnsName } from '../../src/emit/iproute2/leaf-overlay-netns-name.js';

export const ip = (...args: string[]): string => execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

export const randomName = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`;

export interface KernelSupport {
  /** VRF devices (CONFIG_NET_VRF). */
  readonly vrf: boolean;
  /** 802.1Q VLAN subinterfaces (CONFIG_VLAN_8021Q). */
  readonly vlan: boolean;
}

/** What this kernel can do, tried in a throwaway namespace (the machine running the tests may lack either). */
export function probeKernel(): KernelSupport {
  const netns = randomName('thrice-probe');
  ip('netns', 'add', netns);
  try {
    const works = (...args: string[]): boolean => spawnSync('ip', ['-n', netns, ...args], { stdio: 'ignore' }).status === 0;
    const vrf = works('link', 'add', 'probe-vrf', 'type', 'vrf', 'table', '10');
    const vlan =
      works('link', 'add', 'probe0', 'type', 'veth', 'peer', 'name', 'probe1') &&
      works('link', 'add', 'link', 'probe0', 'name', 'probe0.5', 'type', 'vlan', 'id', '5');
    return { vrf, vlan };
  } finally {
    ip('netns', 'del', netns);
  }
}

/** A VLAN subinterface the overlay scripts put on a trunk port, and the host behind it. */
export interface Subinterface {
  readonly name: string;
  readonly port: number;
  readonly vlan: number;
  readonly bridge: string;
  readonly tenant: string;
}

/** Every `swpN.<vlan>` the leaf's overlay needs, read from the IR (not from the view under test). */
export function subinterfacesOf(ir: TopologyIR, sw: SwitchIR): Subinterface[] {
  const fabric = ir.fabric;
  if (!fabric) return [];
  return vpcsServedBy(fabric, ir.overlay, sw).flatMap((vpc) =>
    subnetsServedBy(vpc, sw).flatMap((subnet) => {
      const hosts = new Set(ir.overlay.vms.filter((vm) => vm.leaf === sw.name && vm.vpc === vpc.name && vm.subnet === subnet.name).map((vm) => vm.host));
      return fabric.hosts
        .filter((h) => hosts.has(h.name))
        .map((h) => ({ name: `${h.leafInterface}.${subnet.vlan}`, port: h.leafPort, vlan: subnet.vlan, bridge: subnet.bridge, tenant: vpc.vrf }));
    }),
  );
}

/** The peer of a lab stand-in for `swpN.<vlan>`: what a VM's interface would be, `hNvV`. */
export const standInPeer = (sub: Subinterface): string => `h${sub.port}v${sub.vlan}`;

export interface LeafLab {
  /** The leaf's namespace. */
  readonly netns: string;
  /** The tenant namespaces overlay-netns.sh creates for this leaf, by VRF. */
  readonly tenants: ReadonlyMap<string, string>;
  /** Runs a script inside the leaf's namespace; `env` is added to the environment. */
  run(path: string, env?: Record<string, string>): SpawnSyncReturns<string>;
  /** Creates a namespace deleted with the lab (a VM, say). */
  extraNamespace(prefix: string): string;
}

export interface LeafLabOptions {
  /** Pre-create every `swpN.<vlan>` as a veth pair, as a lab without 802.1Q does. */
  readonly standIns: boolean;
  /** The script under test makes the leaf's tenant namespaces (overlay-netns.sh): own and delete them. */
  readonly tenantNamespaces: boolean;
}

/**
 * A namespace holding the leaf's ports as veth pairs (both ends inside it, so the host's own interfaces
 * are never touched). Deletes the leaf's namespace, any extra namespace and (if asked) the tenant
 * namespaces afterwards, whatever happens; refuses to start if a tenant namespace it would own exists.
 */
export function withLeafLab(ir: TopologyIR, sw: SwitchIR, options: LeafLabOptions, body: (lab: LeafLab) => void): void {
  const fabric = ir.fabric;
  if (!fabric) throw new Error('the lab needs a fabric');
  const tenants = new Map(vpcsServedBy(fabric, ir.overlay, sw).map((vpc) => [vpc.vrf, tenantNetnsName(sw.name, vpc.vrf)]));
  const owned = options.tenantNamespaces ? [...tenants.values()] : [];
  const existing = new Set(ip('netns', 'list').split('\n').map((line) => line.split(' ')[0]));
  for (const name of owned) {
    if (existing.has(name)) throw new Error(`namespace ${name} exists already; not touching it (left over from another run?)`);
  }
  const netns = randomName('thrice-test');
  const extras: string[] = [];
  ip('netns', 'add', netns);
  try {
    for (const port of [...sw.interfaces, ...sw.hostPorts]) {
      ip('-n', netns, 'link', 'add', port.name, 'type', 'veth', 'peer', 'name', `peer${port.port}`);
    }
    if (options.standIns) {
      for (const sub of subinterfacesOf(ir, sw)) ip('-n', netns, 'link', 'add', sub.name, 'type', 'veth', 'peer', 'name', standInPeer(sub));
    }
    body({
      netns,
      tenants,
      // nsenter, not `ip netns exec`: that gives the script a private mount namespace, and the tenant
      // namespaces `ip netns add` pins inside it would vanish with it when the script ends.
      run: (path, env = {}) =>
        spawnSync('nsenter', [`--net=/var/run/netns/${netns}`, 'env', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), 'sh', path], {
          encoding: 'utf8',
        }),
      extraNamespace(prefix) {
        const name = randomName(prefix);
        ip('netns', 'add', name);
        extras.push(name);
        return name;
      },
    });
  } finally {
    const now = new Set(ip('netns', 'list').split('\n').map((line) => line.split(' ')[0]));
    for (const name of [...extras, ...owned, netns]) if (now.has(name)) ip('netns', 'del', name);
  }
}

export function expectSuccess(run: SpawnSyncReturns<string>, what: string): void {
  expect(run.status, `${what} failed:\n${run.stdout}${run.stderr}`).toBe(0);
}

interface IpAddressInfo {
  readonly family: string;
  readonly local: string;
  readonly prefixlen: number;
}
interface IpLinkInfo {
  readonly info_kind?: string;
  readonly info_data?: { readonly id?: number; readonly local?: string; readonly port?: number; readonly learning?: boolean; readonly table?: number; readonly mode?: string };
  readonly info_slave_kind?: string;
  readonly info_slave_data?: { readonly learning?: boolean; readonly neigh_suppress?: boolean };
}
export interface IpLink {
  readonly ifname: string;
  readonly mtu: number;
  readonly flags: readonly string[];
  readonly master?: string;
  /** The lower device of a VLAN or macvlan. */
  readonly link?: string;
  readonly address: string;
  readonly linkinfo?: IpLinkInfo;
  readonly addr_info: readonly IpAddressInfo[];
}

/** Every device of a namespace with its details and addresses (`ip -d -j address show`). */
export function linksOf(netns: string): Map<string, IpLink> {
  const links = JSON.parse(ip('-n', netns, '-d', '-j', 'address', 'show')) as IpLink[];
  return new Map(links.map((l) => [l.ifname, l]));
}

export function ipv4Of(link: IpLink | undefined): string[] {
  return (link?.addr_info ?? []).filter((a) => a.family === 'inet').map((a) => `${a.local}/${a.prefixlen}`);
}

/** What a test compares between two runs: every device's kind, master, MAC, MTU, state and IPv4 addresses. */
export function stateOf(netns: string): string[] {
  return [...linksOf(netns).values()]
    .map((l) =>
      [l.ifname, l.linkinfo?.info_kind ?? '-', l.master ?? '-', l.address, l.mtu, l.flags.includes('UP') ? 'up' : 'down', ipv4Of(l).join(',')].join(' '),
    )
    .sort();
}

/**
 * Tries a TCP connection from inside `netns` (no ping on every machine, node is): `refused` means the
 * address answered (a reset from a closed port), so the path there and back works.
 */
export function tcpProbe(netns: string, address: string): string {
  const script = `const s = require('node:net').connect({ host: ${JSON.stringify(address)}, port: 9, timeout: 2000 });
s.on('connect', () => { console.log('open'); s.destroy(); });
s.on('timeout', () => { console.log('timeout'); s.destroy(); });
s.on('error', (e) => console.log(e.code === 'ECONNREFUSED' ? 'refused' : e.code));`;
  const run = spawnSync('ip', ['netns', 'exec', netns, process.execPath, '-e', script], { encoding: 'utf8' });
  return run.stdout.trim() || `failed: ${run.stderr}`;
}

/**
 * The anycast gateway recipe on one subnet: the bridge (SVI) has the shared MAC and address (its prefix route at
 * metric 1024) and answers ARP only for it; a private macvlan on it holds the leaf's own MAC and address, whose route
 * wins and from which the leaf ARPs; the bridge delivers the leaf's own MAC locally.
 */
export function expectAnycastGateway(netns: string, links: Map<string, IpLink>, subnet: SubnetIR, leaf: string, leafMac: string): void {
  const own = subnet.leafAddresses.find((a) => a.leaf === leaf)?.address;
  const svi = links.get(subnet.bridge);
  const device = `${subnet.bridge}-v0`;
  expect([svi?.address, ipv4Of(svi)], subnet.bridge).toEqual([subnet.gatewayMac, [`${subnet.gateway}/${subnet.prefixLength}`]]);
  const mine = links.get(device);
  expect(mine?.linkinfo, device).toMatchObject({ info_kind: 'macvlan', info_data: { mode: 'private' } });
  expect([mine?.link, mine?.address, mine?.flags.includes('UP'), ipv4Of(mine)]).toEqual([subnet.bridge, leafMac, true, [`${own}/${subnet.prefixLength}`]]);
  const sysctl = (key: string): string => execFileSync('ip', ['netns', 'exec', netns, 'sysctl', '-n', key], { encoding: 'utf8' }).trim();
  const keys = [`${subnet.bridge}.arp_ignore`, `${subnet.bridge}.arp_accept`, `${device}.arp_announce`, `${device}.arp_ignore`].map((k) => `net.ipv4.conf.${k}`);
  expect(keys.map(sysctl)).toEqual(['1', '1', '2', '1']);
  const routes = JSON.parse(ip('-n', netns, '-j', 'route', 'show', subnet.cidr)) as { dev: string; metric?: number }[];
  expect(routes.map((r) => `${r.dev} ${r.metric ?? 0}`).sort()).toEqual([`${subnet.bridge} 1024`, `${device} 0`]);
  const fdb = JSON.parse(execFileSync('bridge', ['-n', netns, '-j', 'fdb', 'show', 'dev', subnet.bridge], { encoding: 'utf8' })) as { mac: string; flags: string[]; state?: string }[];
  expect(fdb.find((e) => e.mac === leafMac && e.flags.includes('self')), `${leafMac} on ${subnet.bridge}`).toMatchObject({ state: 'permanent' });
}
