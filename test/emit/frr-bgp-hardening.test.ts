// `fabric.bgp` in frr.conf: password, GTSM, BFD and maximum-prefix lines, accepted by vtysh -C and read by each daemon from the whole file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { frrEmitter } from '../../src/emit/frr/frr-emitter.js';
import type { FabricBgpIR, FabricIR } from '../../src/ir/fabric-ir.js';
import { threeTierNumbered, topologyOf, twoTierUnnumbered } from '../helpers/fabric-ir-fixtures.js';
import { hasCommand, testNeeding } from './test-needing.js';

const withVtysh = testNeeding('vtysh (FRR)', hasCommand('vtysh'));
const withDaemons = testNeeding("FRR's bgpd and bfdd", existsSync('/usr/lib/frr/bgpd') && existsSync('/usr/lib/frr/bfdd'));
const root = mkdtempSync(join(tmpdir(), 'thrice-frr-hardening-'));
writeFileSync(join(root, 'vtysh.conf'), '');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PASSWORD = 'Pa55-w0rd!#';
const FULL: FabricBgpIR = {
  password: { env: 'FABRIC_PW' },
  maximumPrefixIpv4: 200,
  bfd: { detectMultiplier: 4, receiveInterval: 250, transmitInterval: null },
  ttlSecurity: true,
};

function confOf(fabric: FabricIR, bgp: FabricBgpIR | undefined, name: string, password = PASSWORD): string {
  const files = frrEmitter.emit(topologyOf(bgp ? { ...fabric, bgp } : fabric), bgp?.password ? { bgpPassword: password } : {});
  const file = files.find((f) => f.path === `fabric/${name}/frr.conf`);
  if (!file) throw new Error(`no frr.conf for ${name}`);
  return file.contents;
}

describe('the hardening lines', () => {
  it('are absent without fabric.bgp, and the file is not secret', () => {
    const files = frrEmitter.emit(topologyOf(twoTierUnnumbered));
    expect(files.every((f) => f.secret === undefined)).toBe(true);
    expect(files[0]?.contents).not.toMatch(/password|ttl-security|bfd|maximum-prefix/);
  });

  it('sit on the peer group, maximum-prefix in ipv4 unicast, the profile first with only the timers set', () => {
    const conf = confOf(twoTierUnnumbered, FULL, 'leaf1');
    expect(conf).toContain(
      ` neighbor fabric timers 3 9\n neighbor fabric password ${PASSWORD}\n neighbor fabric ttl-security hops 1\n neighbor fabric bfd\n neighbor fabric bfd profile fabric\n`,
    );
    expect(conf).toContain('  neighbor fabric route-map FABRIC-OUT out\n  neighbor fabric maximum-prefix 200\n');
    expect(conf).toContain('service integrated-vtysh-config\n!\nbfd\n profile fabric\n  detect-multiplier 4\n  receive-interval 250\n!\n');
    expect(conf.match(/maximum-prefix/g)).toHaveLength(1);
  });

  it('`bfd: true` keeps FRR defaults: no profile', () => {
    const conf = confOf(twoTierUnnumbered, { bfd: { detectMultiplier: null, receiveInterval: null, transmitInterval: null }, ttlSecurity: false }, 'spine1');
    expect(conf).toContain(' neighbor fabric bfd\n');
    expect(conf).not.toMatch(/^bfd$|bfd profile/m);
  });

  it('every frr.conf is marked secret when it holds a password', () => {
    const files = frrEmitter.emit(topologyOf({ ...twoTierUnnumbered, bgp: FULL }), { bgpPassword: PASSWORD });
    expect(files.every((f) => f.secret === true)).toBe(true);
  });

  it('an emitter called without the resolved password fails loudly rather than drop it', () => {
    expect(() => frrEmitter.emit(topologyOf({ ...twoTierUnnumbered, bgp: FULL }))).toThrow(/password/);
  });
});

const cases = [
  ['unnumbered', twoTierUnnumbered, 'leaf1'],
  ['numbered', threeTierNumbered, 'pod1-leaf1'],
  ['numbered super-spine', threeTierNumbered, 'superspine1'],
] as const;

describe.each(cases)('FRR accepts the hardened %s config', (label, fabric, sw) => {
  const path = join(root, label.replace(/\W+/g, '-'), 'frr.conf');
  mkdirSync(join(root, label.replace(/\W+/g, '-')), { recursive: true });
  writeFileSync(path, confOf(fabric, FULL, sw));

  withVtysh('vtysh -C', () => {
    const run = spawnSync('vtysh', ['--config_dir', root, '-C', '-f', path], { encoding: 'utf8' });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  });

  // The lab starts each daemon on the whole file: a node one daemon does not know must not hide the lines it needs.
  withDaemons('bgpd and bfdd, each reading the whole file, take every line of theirs', () => {
    const unknown = (daemon: string): string[] => {
      const dir = join(root, `${label.replace(/\W+/g, '-')}-${daemon}`);
      mkdirSync(dir, { recursive: true });
      const run = spawnSync(`/usr/lib/frr/${daemon}`, ['-C', '-f', path, '-i', join(dir, 'pid'), '-z', join(dir, 'zserv'), '--vty_socket', dir, '--log', 'stdout'], { encoding: 'utf8' });
      return [...`${run.stdout}${run.stderr}`.matchAll(/No such command on config line \d+: (.*)/g)].map((m) => (m[1] ?? '').trim());
    };
    const bgpd = unknown('bgpd');
    expect(bgpd.filter((l) => /^(router bgp|neighbor|address-family|maximum-paths|network|advertise)/.test(l))).toEqual([]);
    const bfdd = unknown('bfdd');
    expect(bfdd.filter((l) => /^(bfd|profile|detect-multiplier|receive-interval|transmit-interval)$|^(bfd|profile|detect-multiplier|receive-interval) /.test(l))).toEqual([]);
  });
});
