// Port security in the lab: the hypervisors' stateless port-security chains load as emitted, in their bridge tables, and every probe still agrees.
import { spawnSync } from 'node:child_process';
import { describe, expect } from 'vitest';
import { asRoot, expectVerifyAgrees, withVerifiedLab } from './lab-run.js';

const HOST_GW = new URL('../../examples/host-gw.yaml', import.meta.url).pathname;

describe('port security on the VM ports in the lab', { timeout: 240_000 }, () => {
  // host-gw: pods' packets leave their node VM unencapsulated with pod sources, which port security must let through.
  asRoot('host-gw: each hypervisor holds ps_<vm> on its VM port, and the probes agree with the analysis', () =>
    withVerifiedLab('psec', HOST_GW, (verified, example, lab) => {
      expectVerifyAgrees(verified);
      for (const vm of example.ir.overlay.vms) {
        const listed = spawnSync('ip', ['netns', 'exec', `${lab.name}-${vm.host}`, 'nft', 'list', 'chain', 'bridge', 'thrice', `ps_${vm.name}`], { encoding: 'utf8' });
        expect(listed.stderr).toBe('');
        expect(listed.stdout).toContain(`ether saddr != ${vm.mac.toLowerCase()}`);
        const dispatch = spawnSync('ip', ['netns', 'exec', `${lab.name}-${vm.host}`, 'nft', 'list', 'chain', 'bridge', 'thrice', 'filter_prerouting'], { encoding: 'utf8' });
        expect(dispatch.stdout).toContain(`"${vm.hostPort}" : jump ps_${vm.name}`);
      }
    }),
  );
});
