// Applies a leaf's emitted interfaces file with the real ifup in a throwaway namespace, reads the state back, then ifreloads it without its VPCs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { switchInterfacesEmitter } from '../../../src/emit/ifupdown2/switch-interfaces-emitter.js';
import { ownDeviceOf } from '../../../src/emit/iproute2/leaf-subnet-devices.js';
import { routerMacOf, subnetsServedBy, vpcsServedBy } from '../../../src/emit/frr/served-vpcs.js';
import { compiledExamples } from '../../helpers/leaf-overlay-fixtures.js';
import { ip, probeKernel, randomName, type KernelSupport } from '../leaf-overlay-lab.js';
import { hasCommand, testNeeding } from '../test-needing.js';

const ready =
  process.getuid?.() === 0 && ['ip', 'bridge', 'ifup', 'ifreload'].every(hasCommand) && existsSync('/etc/network/interfaces') && existsSync('/run/network');
const asRoot = testNeeding('root, iproute2 and ifupdown2 (ifup, ifreload)', ready);
const work = mkdtempSync(join(tmpdir(), 'thrice-ifupdown2-kernel-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * What the kernel cannot make is left out of the file, as the iproute2 kernel tests stub it: VRF stanzas and `vrf`
 * lines without VRF devices, `swpN.<vlan>` stanzas and ports without 802.1Q. The rest is applied unchanged.
 */
function forKernel(contents: string, kernel: KernelSupport): string {
  const blocks = contents.split(/\n\n+/);
  const vrfs = new Set(blocks.filter((b) => /^\s+vrf-table /m.test(b)).map((b) => /^iface (\S+)/m.exec(b)?.[1]));
  const dropped = (name: string | undefined) => (!kernel.vrf && vrfs.has(name)) || (!kernel.vlan && name?.includes('.') === true);
  return blocks
    .filter((b) => !dropped(/^iface (\S+)/m.exec(b)?.[1]))
    .map((b) =>
      b
        .split('\n')
        .filter((line) => kernel.vrf || !/^\s+vrf \S+$/.test(line))
        .map((line) => (/^\s+bridge-ports /.test(line) ? line.split(' ').filter((w) => !dropped(w) || w === 'bridge-ports').join(' ') : line))
        .join('\n'),
    )
    .join('\n\n');
}

/**
 * In the namespace's own mount namespace (`ip netns exec` makes one): ifupdown2's lock and state directories are
 * private tmpfs, and each file is bind-mounted over /etc/network/interfaces, which ifreload always reads.
 */
function applyInNamespace(netns: string, steps: string): { status: number | null; output: string } {
  const script = `set -eu
mount -t tmpfs none /run/network
mkdir -p /var/tmp/network && mount -t tmpfs none /var/tmp/network
${steps}`;
  const run = spawnSync('ip', ['netns', 'exec', netns, 'sh', '-c', script], { encoding: 'utf8', timeout: 240_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const example = (await compiledExamples()).find((e) => e.name === 'three-layer');

describe('ifupdown2 applies the three-layer example in a kernel', () => {
  asRoot('leaf1: the anycast gateway, VXLAN and L3 VNI as overlay.sh makes them; ifreload to the same ports without VPCs removes the overlay', () => {
    if (!example?.ir.fabric) throw new Error('no three-layer example');
    const { fabric, overlay } = example.ir;
    const leaf = fabric.switches.find((s) => s.name === 'leaf1');
    if (!leaf) throw new Error('no leaf1');
    const kernel = probeKernel();
    const files = switchInterfacesEmitter.emit(example.ir);
    const fileOf = (path: string) => files.find((f) => f.path === path)?.contents ?? '';
    writeFileSync(join(work, 'leaf1'), forKernel(fileOf('fabric/leaf1/interfaces'), kernel));
    // The same ports with no overlay: what ifreload must converge leaf1 to.
    const bare = fileOf('fabric/leaf1/interfaces').split('\n# VPC ')[0] ?? '';
    writeFileSync(join(work, 'bare'), forKernel(bare, kernel));

    const netns = randomName('thrice-ifu');
    ip('netns', 'add', netns);
    try {
      const ports = [...leaf.interfaces.map((i) => i.name), ...leaf.hostPorts.map((p) => p.name)];
      for (const port of ports) ip('-n', netns, 'link', 'add', port, 'type', 'veth', 'peer', 'name', `${port}-peer`);
      const dump = (name: string) => `ip -j -d link show > ${work}/${name}-links.json
ip -j route show table all > ${work}/${name}-routes.json
bridge -j fdb show > ${work}/${name}-fdb.json
grep -H . /proc/sys/net/ipv4/conf/*/arp_* > ${work}/${name}-sysctls.txt`;
      const run = applyInNamespace(
        netns,
        `mount --bind ${work}/leaf1 /etc/network/interfaces
ifup -a
${dump('up')}
umount /etc/network/interfaces
mount --bind ${work}/bare /etc/network/interfaces
ifreload -a
${dump('reload')}`,
      );
      expect(run.status, run.output).toBe(0);

      const links = JSON.parse(readFileSync(join(work, 'up-links.json'), 'utf8')) as LinkJson[];
      const routes = JSON.parse(readFileSync(join(work, 'up-routes.json'), 'utf8')) as RouteJson[];
      const fdb = JSON.parse(readFileSync(join(work, 'up-fdb.json'), 'utf8')) as FdbJson[];
      const sysctls = readFileSync(join(work, 'up-sysctls.txt'), 'utf8');
      const link = (name: string) => links.find((l) => l.ifname === name);
      for (const vpc of vpcsServedBy(fabric, overlay, leaf)) {
        const l3 = link(vpc.l3Bridge);
        expect(l3?.address).toBe(routerMacOf(vpc, leaf));
        expect(l3?.inet6_addr_gen_mode).toBe('none');
        for (const subnet of subnetsServedBy(vpc, leaf)) {
          const own = ownDeviceOf(subnet);
          const vxlan = link(subnet.vxlan)?.linkinfo?.info_data;
          expect(vxlan).toMatchObject({ id: subnet.vni, local: leaf.loopback, port: 4789, learning: false });
          expect(link(subnet.bridge)?.address).toBe(subnet.gatewayMac);
          expect(link(own)?.linkinfo?.info_data?.mode).toBe('private');
          expect(link(own)?.address).toBe(routerMacOf(vpc, leaf));
          // The own prefix route (metric 0) wins over the shared gateway's (1024), as in overlay.sh.
          const prefix = routes.filter((r) => r.dst === subnet.cidr && r.type === undefined);
          expect(prefix.map((r) => [r.dev, r.metric ?? 0]).sort()).toEqual([[own, 0], [subnet.bridge, 1024]].sort());
          expect(fdb).toContainEqual(expect.objectContaining({ mac: routerMacOf(vpc, leaf), ifname: subnet.bridge, state: 'permanent' }));
          expect(fdb.find((f) => f.ifname === subnet.bridge && f.mac === routerMacOf(vpc, leaf) && f.flags?.includes('self'))).toBeDefined();
          for (const line of [`${subnet.bridge}/arp_ignore:1`, `${subnet.bridge}/arp_accept:1`, `${own}/arp_announce:2`, `${own}/arp_ignore:1`]) {
            expect(sysctls).toContain(`/proc/sys/net/ipv4/conf/${line}`);
          }
        }
      }
      const host = fabric.hosts.find((h) => h.leaf === 'leaf1');
      expect(routes).toContainEqual(expect.objectContaining({ dst: host?.address, dev: host?.leafInterface, prefsrc: leaf.loopback }));

      const after = (JSON.parse(readFileSync(join(work, 'reload-links.json'), 'utf8')) as LinkJson[]).map((l) => l.ifname).sort();
      expect(after).toEqual(['lo', ...ports, ...ports.map((p) => `${p}-peer`)].sort());
    } finally {
      ip('netns', 'del', netns);
    }
  });
});

interface LinkJson {
  readonly ifname: string;
  readonly address?: string;
  readonly inet6_addr_gen_mode?: string;
  readonly linkinfo?: { readonly info_data?: Record<string, unknown> & { readonly mode?: string } };
}
interface RouteJson {
  readonly dst: string;
  readonly dev?: string;
  readonly metric?: number;
  readonly type?: string;
  readonly prefsrc?: string;
}
interface FdbJson {
  readonly mac: string;
  readonly ifname: string;
  readonly state?: string;
  readonly flags?: readonly string[];
}
