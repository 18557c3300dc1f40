// The VMs' setup.sh emitter end to end: which files, nothing without VMs, determinism, and sh -n plus shellcheck.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vmScriptEmitter } from '../../src/emit/iproute2/vm-script-emitter.js';
import { emptyTopology, hostVmTopology, reversedLists, threeLayerExample } from '../helpers/host-vm-fixtures.js';
import { shellScriptChecks } from './shell-script-checks.js';

const root = mkdtempSync(join(tmpdir(), 'thrice-vm-sh-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('vmScriptEmitter', () => {
  it('writes one executable vms/<vm>/setup.sh per VM, in name order', () => {
    expect(vmScriptEmitter.emit(hostVmTopology).map((f) => [f.path, f.executable])).toEqual(
      ['bastion', 'batch-1', 'k8s-1', 'k8s-2', 'k8s-3', 'pg-1'].map((vm) => [`vms/${vm}/setup.sh`, true]),
    );
  });

  it('writes nothing without VMs', () => {
    expect(vmScriptEmitter.emit(emptyTopology)).toEqual([]);
  });

  it('is deterministic and independent of input order', () => {
    const first = vmScriptEmitter.emit(hostVmTopology);
    expect(vmScriptEmitter.emit(reversedLists(hostVmTopology))).toEqual(first);
  });

  it('prints MAC, MTU, address and default route, ending in exactly one newline', () => {
    const script = vmScriptEmitter.emit(hostVmTopology).find((f) => f.path === 'vms/k8s-1/setup.sh')?.contents ?? '';
    expect(script.split('\n').filter((l) => l.startsWith('ip '))).toEqual([
      `ip link set dev 'eth0' address '02:01:0a:01:01:02'`,
      `ip link set dev 'eth0' mtu '9166' up`,
      `ip addr replace '10.1.1.2/24' dev 'eth0' label 'eth0:thrice'`,
      `ip route replace default via '10.1.1.1' dev 'eth0' proto '116'`,
    ]);
    // It converges first, keeping only this address and the default route, and makes no device of its own.
    expect(script).toContain(
      `\nprune_addresses_in '' <<'THRICE_KEEP'\neth0 10.1.1.2/24\nTHRICE_KEEP\nprune_routes <<'THRICE_KEEP'\ndefault\nTHRICE_KEEP\n`,
    );
    expect(script).toContain(`\nTHRICE_OWNER='setup.sh'\nTHRICE_LABEL=':thrice'\n`);
    expect(script).not.toContain('prune_links_in');
    expect(script.indexOf('prune_routes <<')).toBeLessThan(script.indexOf(`ip link set dev 'eth0'`));
    expect(script.endsWith('\n') && !script.endsWith('\n\n')).toBe(true);
  });
});

describe.each([
  ['hand-made fixture', () => hostVmTopology],
  ['examples/three-layer.yaml', threeLayerExample],
] as const)('VM setup.sh of the %s', (fixture, topology) => {
  shellScriptChecks(join(root, fixture), vmScriptEmitter.emit(topology()));
});
