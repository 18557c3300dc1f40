// The three fabric emitters end to end: which files, silent without a fabric, printed text, determinism.
import { describe, expect, it } from 'vitest';
import type { Emitter } from '../../src/emit/emitter.js';
import { frrEmitter } from '../../src/emit/frr/frr-emitter.js';
import { switchScriptEmitter } from '../../src/emit/iproute2/switch-script-emitter.js';
import { wiringEmitter } from '../../src/emit/wiring/wiring-emitter.js';
import { threeTierNumbered, topologyOf, twoTierUnnumbered } from '../helpers/fabric-ir-fixtures.js';
import { shuffledFabric } from './shuffled-fabric.js';

const emitters: readonly Emitter[] = [frrEmitter, switchScriptEmitter, wiringEmitter];
const fixtures = { twoTierUnnumbered, threeTierNumbered };

const fileOf = (emitter: Emitter, fabric: typeof twoTierUnnumbered, path: string): string => {
  const file = emitter.emit(topologyOf(fabric)).find((f) => f.path === path);
  if (!file) throw new Error(`${emitter.target} emitted no ${path}`);
  return file.contents;
};

describe.each(emitters.map((e) => [e.target, e] as const))('%s emitter', (_target, emitter) => {
  it('emits nothing when the topology has no fabric', () => {
    expect(emitter.emit(topologyOf(undefined))).toEqual([]);
  });

  it.each(Object.entries(fixtures))('is deterministic and independent of input order (%s)', (_name, fabric) => {
    const first = emitter.emit(topologyOf(fabric));
    expect(emitter.emit(topologyOf(fabric))).toEqual(first);
    expect(emitter.emit(topologyOf(shuffledFabric(fabric)))).toEqual(first);
  });

  it.each(Object.entries(fixtures))('ends every file with exactly one newline (%s)', (_name, fabric) => {
    for (const file of emitter.emit(topologyOf(fabric))) {
      expect(file.contents.endsWith('\n'), file.path).toBe(true);
      expect(file.contents.endsWith('\n\n'), file.path).toBe(false);
    }
  });
});

describe('output files', () => {
  it('writes one frr.conf and one executable interfaces.sh per switch, in name order', () => {
    const names = ['border1', 'leaf1', 'leaf2', 'spine1', 'spine2'];
    const topology = topologyOf(twoTierUnnumbered);
    expect(frrEmitter.emit(topology).map((f) => [f.path, f.executable])).toEqual(
      names.map((n) => [`fabric/${n}/frr.conf`, undefined]),
    );
    expect(switchScriptEmitter.emit(topology).map((f) => [f.path, f.executable])).toEqual(
      names.map((n) => [`fabric/${n}/interfaces.sh`, true]),
    );
    expect(wiringEmitter.emit(topology).map((f) => f.path)).toEqual(['fabric/wiring.csv', 'fabric/wiring.md']);
  });
});

describe('printed text', () => {
  it('frr.conf of a leaf: header, RA on unnumbered ports, interface sessions, loopback policy, EVPN', () => {
    const conf = fileOf(frrEmitter, twoTierUnnumbered, 'fabric/leaf1/frr.conf');
    const lines = conf.split('\n');
    expect(lines.slice(1, 6)).toEqual([
      'frr version 8.4',
      'frr defaults datacenter',
      'hostname leaf1',
      'log syslog informational',
      'service integrated-vtysh-config',
    ]);
    expect(conf).toContain('interface swp12\n description to spine1 swp1\n ipv6 nd ra-interval 10\n no ipv6 nd suppress-ra\nexit\n');
    expect(conf).toContain(' neighbor swp11 interface peer-group fabric\n neighbor swp11 description spine2 swp1\n');
    expect(conf).toContain('  network 10.255.1.1/32\n  network 10.255.2.1/32\n  neighbor fabric route-map FABRIC-IN in\n  neighbor fabric route-map FABRIC-OUT out\n  maximum-paths 64\n');
    expect(conf).toContain(' address-family l2vpn evpn\n  neighbor fabric activate\n  advertise-all-vni\n exit-address-family\n');
    expect(conf).toContain('ip prefix-list LOOPBACKS seq 10 permit 10.255.0.0/16 ge 32\n');
  });

  it('frr.conf of a spine activates EVPN without advertising VNIs', () => {
    const conf = fileOf(frrEmitter, twoTierUnnumbered, 'fabric/spine1/frr.conf');
    expect(conf).toContain(' address-family l2vpn evpn\n  neighbor fabric activate\n exit-address-family\n');
    expect(conf).not.toContain('advertise-all-vni');
  });

  it('frr.conf on numbered links: an address per port and a session per peer address', () => {
    const conf = fileOf(frrEmitter, threeTierNumbered, 'fabric/superspine1/frr.conf');
    expect(conf).toContain('interface swp1\n description to pod1-spine1 swp8\n ip address 10.0.0.0/31\nexit\n');
    expect(conf).toContain(' neighbor 10.0.0.1 peer-group fabric\n');
    expect(conf).not.toContain('ipv6 nd');
  });

  it('interfaces.sh quotes every data word', () => {
    const script = fileOf(switchScriptEmitter, threeTierNumbered, 'fabric/pod1-leaf1/interfaces.sh');
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain('\nset -eu\n');
    expect(script).toContain(`ip addr replace '10.255.2.1/32' dev lo label 'lo:thrice'\n`);
    expect(script).toContain(
      `# swp7 to pod1-spine2 swp1\nip link set dev 'swp7' mtu '9216' up\nip addr replace '10.0.0.21/31' dev 'swp7' label 'swp7:thrice'\n`,
    );
    // It converges first: its mark, then the labelled addresses it keeps and (on a leaf without hosts) no route.
    expect(script).toContain(`\nTHRICE_OWNER='interfaces.sh'\nTHRICE_LABEL=':thrice'\n`);
    expect(script).toContain(
      `\nprune_addresses_in '' <<'THRICE_KEEP'\nlo 10.255.2.1/32\nswp7 10.0.0.21/31\nswp8 10.0.0.17/31\nTHRICE_KEEP\nprune_routes <<'THRICE_KEEP'\nTHRICE_KEEP\n`,
    );
    expect(script.indexOf('prune_addresses_in \'\'')).toBeLessThan(script.indexOf('ip link set dev lo up'));
  });

  it('interfaces.sh brings host ports up under a comment naming the host, routing its underlay /32 there', () => {
    const script = fileOf(switchScriptEmitter, twoTierUnnumbered, 'fabric/leaf2/interfaces.sh');
    expect(script).toContain(
      `# swp1 to host hv2\nip link set dev 'swp1' mtu '9216' up\nip route replace '10.255.2.2/32' dev 'swp1' src '10.255.1.2' proto '116'\n`,
    );
    // The route is kept when the script converges (as `ip route` prints a /32); other protocol-116 routes go.
    expect(script).toContain(`\nprune_routes <<'THRICE_KEEP'\n10.255.2.2\nTHRICE_KEEP\n`);
    expect(script).toContain(`ip route show proto '116'`);
    expect(script).toContain(`sysctl -q -w 'net.ipv4.fib_multipath_hash_policy=1'\n`);
    expect(fileOf(switchScriptEmitter, twoTierUnnumbered, 'fabric/spine1/interfaces.sh')).not.toContain('Host ports');
  });

  it('wiring.csv has the fixed header and one sorted row per link, then per host cable', () => {
    const csv = fileOf(wiringEmitter, threeTierNumbered, 'fabric/wiring.csv').trimEnd().split('\n');
    expect(csv[0]).toBe('a_switch,a_port,b_switch,b_port,subnet,kind');
    expect(csv).toHaveLength(1 + threeTierNumbered.links.length + threeTierNumbered.hosts.length);
    expect(csv[1]).toBe('pod1-spine1,swp1,pod1-leaf1,swp8,10.0.0.16/31,fabric');
  });

  it('wiring.md is a Markdown table of the same rows', () => {
    const md = fileOf(wiringEmitter, twoTierUnnumbered, 'fabric/wiring.md');
    expect(md).toContain('| A switch | A port | B switch | B port | Subnet | Kind |\n| --- | --- | --- | --- | --- | --- |\n');
    expect(md).toContain('| spine2 | swp3 | border1 | swp11 | unnumbered | fabric |\n');
    expect(md).toContain('| leaf2 | swp1 | hv2 | eth0 | host trunk | host |\n');
  });
});
