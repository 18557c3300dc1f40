// Runs every generated interfaces.sh against a real kernel, inside a throwaway network namespace.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import type { FabricIR, SwitchIR } from '../../src/ir/fabric-ir.js';
import { switchScriptEmitter } from '../../src/emit/iproute2/switch-script-emitter.js';
import { threeTierNumbered, topologyOf, twoTierUnnumbered } from '../helpers/fabric-ir-fixtures.js';
import { hasCommand, testNeeding } from './test-needing.js';

const isRoot = process.getuid?.() === 0;
const asRoot = testNeeding('root and iproute2 (network namespaces)', isRoot && hasCommand('ip'));
const scripts = mkdtempSync(join(tmpdir(), 'thrice-netns-'));
afterAll(() => rmSync(scripts, { recursive: true, force: true }));

interface IpAddressInfo {
  readonly local: string;
  readonly prefixlen: number;
}
interface IpLink {
  readonly ifname: string;
  readonly mtu: number;
  readonly flags: readonly string[];
  readonly addr_info: readonly IpAddressInfo[];
}

const ip = (...args: string[]): string => execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * A namespace holding the switch's ports as veth pairs: both ends stay inside it, so the host's own
 * interfaces are never touched. Deleted afterwards whatever happens.
 */
function inSwitchNamespace(sw: SwitchIR, body: (netns: string) => void): void {
  const netns = `thrice-test-${randomBytes(4).toString('hex')}`;
  ip('netns', 'add', netns);
  try {
    for (const port of [...sw.interfaces, ...sw.hostPorts]) {
      ip('-n', netns, 'link', 'add', port.name, 'type', 'veth', 'peer', 'name', `peer${port.port}`);
    }
    body(netns);
  } finally {
    ip('netns', 'del', netns);
  }
}

function runScript(netns: string, path: string): void {
  const run = spawnSync('ip', ['netns', 'exec', netns, 'sh', path], { encoding: 'utf8' });
  expect(run.status, `${path} failed in ${netns}:\n${run.stdout}${run.stderr}`).toBe(0);
}

function linksOf(netns: string): Map<string, IpLink> {
  const links = JSON.parse(ip('-n', netns, '-j', 'address', 'show')) as IpLink[];
  return new Map(links.map((l) => [l.ifname, l]));
}

function addressesOf(link: IpLink | undefined): string[] {
  return (link?.addr_info ?? []).filter((a) => !a.local.includes(':')).map((a) => `${a.local}/${a.prefixlen}`);
}

describe.each([
  ['two-tier-unnumbered', twoTierUnnumbered],
  ['three-tier-numbered', threeTierNumbered],
] as const)('interfaces.sh of the %s fixture in a network namespace', (fixture, fabric: FabricIR) => {
  for (const file of switchScriptEmitter.emit(topologyOf(fabric, fixture))) {
    const sw = fabric.switches.find((s) => file.path === `fabric/${s.name}/interfaces.sh`);
    if (!sw) throw new Error(`no switch for ${file.path}`);
    asRoot(`${file.path} runs, twice, and leaves the planned addresses and MTUs`, () => {
      const path = join(scripts, `${fixture}-${sw.name}.sh`);
      writeFileSync(path, file.contents, { mode: 0o755 });
      inSwitchNamespace(sw, (netns) => {
        runScript(netns, path);
        runScript(netns, path); // idempotent: `ip addr replace`, and `link set` of what is already set
        const links = linksOf(netns);
        expect(addressesOf(links.get('lo'))).toContain(`${sw.loopback}/32`);
        for (const iface of sw.interfaces) {
          const link = links.get(iface.name);
          expect(link?.flags, iface.name).toContain('UP');
          expect(link?.mtu, iface.name).toBe(iface.mtu);
          expect(addressesOf(link), iface.name).toEqual(iface.address ? [iface.address] : []);
        }
        for (const port of sw.hostPorts) expect(links.get(port.name)?.flags, port.name).toContain('UP');
        const sysctl = (key: string) => spawnSync('ip', ['netns', 'exec', netns, 'sysctl', '-n', key], { encoding: 'utf8' }).stdout.trim();
        expect(sysctl('net.ipv4.ip_forward')).toBe('1');
        // ECMP by L4 ports too, set in the switch's own namespace (the setting is per namespace).
        expect(sysctl('net.ipv4.fib_multipath_hash_policy')).toBe('1');
        // Each hypervisor's underlay /32 is routed to its host port, sourced from the loopback.
        const routes = JSON.parse(ip('-n', netns, '-j', 'route', 'show')) as { dst: string; dev: string; prefsrc?: string }[];
        for (const port of sw.hostPorts) {
          const host = fabric.hosts.find((h) => h.name === port.host);
          expect(routes.find((r) => r.dst === host?.address), port.host).toMatchObject({ dev: port.name, prefsrc: sw.loopback });
        }
      });
    });
  }
});
