// The hosts' setup.sh emitter end to end: which files, nothing without hosts, determinism, and sh -n plus shellcheck.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hostScriptEmitter } from '../../src/emit/iproute2/host-script-emitter.js';
import { emptyTopology, hostVmTopology, reversedLists, threeLayerExample } from '../helpers/host-vm-fixtures.js';
import { shellScriptChecks } from './shell-script-checks.js';

const root = mkdtempSync(join(tmpdir(), 'thrice-host-sh-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('hostScriptEmitter', () => {
  it('writes one executable hosts/<host>/setup.sh per host, in name order', () => {
    expect(hostScriptEmitter.emit(hostVmTopology).map((f) => [f.path, f.executable])).toEqual([
      ['hosts/hv1/setup.sh', true],
      ['hosts/hv2/setup.sh', true],
    ]);
  });

  it('writes nothing without a fabric, and an uplink-only script for a host without VMs', () => {
    expect(hostScriptEmitter.emit(emptyTopology)).toEqual([]);
    const noVms = { ...hostVmTopology, overlay: { vpcs: [], vms: [] } };
    const [file] = hostScriptEmitter.emit(noVms);
    expect(file?.contents).toContain(`ip link set dev 'eth0' mtu '9166' up`);
    expect(file?.contents).not.toContain('type bridge');
    // It still converges: an earlier revision's VLANs and VM ports are removed, none kept.
    expect(file?.contents).toContain(`\nprune_links_in '' <<'THRICE_KEEP'\nTHRICE_KEEP\n`);
  });

  it('is deterministic and independent of input order', () => {
    const first = hostScriptEmitter.emit(hostVmTopology);
    expect(hostScriptEmitter.emit(hostVmTopology)).toEqual(first);
    expect(hostScriptEmitter.emit(reversedLists(hostVmTopology))).toEqual(first);
  });

  it('prints the trunk, a bridge per VLAN and the VM ports in order, ending in exactly one newline', () => {
    const script = hostScriptEmitter.emit(hostVmTopology)[1]?.contents ?? '';
    const commands = script.split('\n').filter((l) => /^(ip|ensure_link) /.test(l));
    expect(commands).toEqual([
      `ip link set dev 'eth0' mtu '9166' up`,
      `ip addr replace '10.255.2.2/32' dev 'eth0' label 'eth0:thrice'`,
      `ip route replace '10.255.0.0/16' via '10.255.1.2' dev 'eth0' onlink src '10.255.2.2' proto '116'`,
      `ensure_link 'vlan2' type bridge`,
      `ensure_link 'eth0.2' link 'eth0' type vlan id '2'`,
      `ip link set dev 'eth0.2' master 'vlan2' mtu '9166' up`,
      `ip link set dev 'vlan2' up`,
      `ensure_link 'vlan3' type bridge`,
      `ensure_link 'eth0.3' link 'eth0' type vlan id '3'`,
      `ip link set dev 'eth0.3' master 'vlan3' mtu '9166' up`,
      `ip link set dev 'vlan3' up`,
      `ensure_link 'vmport0' type veth peer name 'vmport0-vm'`,
      `ip link set dev 'vmport0' master 'vlan2' mtu '9166' up`,
      `ensure_link 'vmport1' type veth peer name 'vmport1-vm'`,
      `ip link set dev 'vmport1' master 'vlan3' mtu '1500' up`,
      `ensure_link 'vmport10' type veth peer name 'vmport10-vm'`,
      `ip link set dev 'vmport10' master 'vlan2' mtu '9166' up`,
    ]);
    // Before making anything it converges: it marks what it makes as setup.sh's and keeps exactly these devices,
    // the labelled underlay address and the protocol-116 route.
    expect(script).toContain(`\nTHRICE_OWNER='setup.sh'\nTHRICE_LABEL=':thrice'\n`);
    expect(script).toContain(
      [
        `prune_links_in '' <<'THRICE_KEEP'`,
        ...['eth0.2', 'eth0.3', 'vlan2', 'vlan3', 'vmport0', 'vmport1', 'vmport10'],
        'THRICE_KEEP',
        `prune_addresses_in '' <<'THRICE_KEEP'`,
        'eth0 10.255.2.2/32',
        'THRICE_KEEP',
        `prune_routes <<'THRICE_KEEP'`,
        '10.255.0.0/16',
        'THRICE_KEEP',
      ].join('\n'),
    );
    expect(script.indexOf(`prune_links_in ''`)).toBeLessThan(script.indexOf(`ip link set dev 'eth0' mtu`));
    expect(script).toContain('# VLAN 2: subnet blue/nodes 10.1.1.0/24 (VNI 10101 on the leaf), VMs bastion, k8s-2\n');
    expect(script).toContain('# vmport1: VM pg-1, subnet blue/db, 10.1.2.10/24, MAC 02:01:0a:01:02:0a\n');
    expect(script.endsWith('\n') && !script.endsWith('\n\n')).toBe(true);
  });
});

describe.each([
  ['hand-made fixture', () => hostVmTopology],
  ['examples/three-layer.yaml', threeLayerExample],
] as const)('hosts setup.sh of the %s', (fixture, topology) => {
  shellScriptChecks(join(root, fixture), hostScriptEmitter.emit(topology()));
});
