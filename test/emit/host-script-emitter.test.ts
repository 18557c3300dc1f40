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
  });

  it('is deterministic and independent of input order', () => {
    const first = hostScriptEmitter.emit(hostVmTopology);
    expect(hostScriptEmitter.emit(hostVmTopology)).toEqual(first);
    expect(hostScriptEmitter.emit(reversedLists(hostVmTopology))).toEqual(first);
  });

  it('prints the trunk, a bridge per VLAN and the VM ports in order, ending in exactly one newline', () => {
    const script = hostScriptEmitter.emit(hostVmTopology)[1]?.contents ?? '';
    const commands = script.split('\n').filter((l) => l.startsWith('ip '));
    expect(commands).toEqual([
      `ip link set dev 'eth0' mtu '9166' up`,
      `ip addr replace '10.255.2.2/32' dev 'eth0'`,
      `ip route replace '10.255.0.0/16' via '10.255.1.2' dev 'eth0' onlink src '10.255.2.2'`,
      `ip link show dev 'vlan2' >/dev/null 2>&1 || ip link add name 'vlan2' type bridge`,
      `ip link show dev 'eth0.2' >/dev/null 2>&1 || ip link add link 'eth0' name 'eth0.2' type vlan id '2'`,
      `ip link set dev 'eth0.2' master 'vlan2' mtu '9166' up`,
      `ip link set dev 'vlan2' up`,
      `ip link show dev 'vlan3' >/dev/null 2>&1 || ip link add name 'vlan3' type bridge`,
      `ip link show dev 'eth0.3' >/dev/null 2>&1 || ip link add link 'eth0' name 'eth0.3' type vlan id '3'`,
      `ip link set dev 'eth0.3' master 'vlan3' mtu '9166' up`,
      `ip link set dev 'vlan3' up`,
      `ip link show dev 'vmport0' >/dev/null 2>&1 || ip link add name 'vmport0' type veth peer name 'vmport0-vm'`,
      `ip link set dev 'vmport0' master 'vlan2' mtu '9166' up`,
      `ip link show dev 'vmport1' >/dev/null 2>&1 || ip link add name 'vmport1' type veth peer name 'vmport1-vm'`,
      `ip link set dev 'vmport1' master 'vlan3' mtu '1500' up`,
      `ip link show dev 'vmport10' >/dev/null 2>&1 || ip link add name 'vmport10' type veth peer name 'vmport10-vm'`,
      `ip link set dev 'vmport10' master 'vlan2' mtu '9166' up`,
    ]);
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
