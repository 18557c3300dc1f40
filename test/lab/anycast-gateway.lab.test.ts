// `thrice lab` on examples/three-layer.yaml: a VM that has sent nothing is reachable through another leaf at the first try (the anycast gateway recipe). Needs root.
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { labDown } from '../../src/lab/lab-down.js';
import { readState, type LabState } from '../../src/lab/lab-state.js';
import { defaultLabDir } from '../../src/lab/lab-names.js';
import { tenantDir } from '../../src/lab/tenant-namespaces.js';
import { tryInNetns, tryInNetnsAt } from '../../src/lab/netns.js';
import { convergenceProblems } from '../../src/lab/verify/convergence.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import type { VmIR } from '../../src/ir/overlay-ir.js';
import { tenantNetnsName } from '../../src/emit/iproute2/leaf-overlay-netns-name.js';
import { THREE_LAYER, compileExample } from './lab-fixtures.js';
import { firstSynScript, silentAndSender } from './anycast-fixtures.js';
import { asRoot, expectLabGone, labName, upExample } from './lab-run.js';

const example = compileExample(THREE_LAYER);

function firstSyn(vmNetns: string, address: string): string {
  const run = tryInNetns(vmNetns, process.execPath, ['-e', firstSynScript(address)]);
  return run.stdout.trim() || `failed: ${run.stderr}`;
}

/**
 * Waits until the fabric has converged as far as this probe needs: every problem `convergenceProblems` names is gone
 * except router MACs that the probe's path does not use. Under load, leaves have been seen to miss another leaf's
 * router MAC for minutes although its routes are installed (cause not established; reported in issue 10), which
 * `thrice lab verify` rightly refuses to ignore; this test's path needs only the
 * silent VM's leaf to know the sender's leaf's router MAC (for the reply over the L3 VNI).
 */
async function waitForProbePath(labDir: string, ir: TopologyIR, silent: VmIR, sender: VmIR): Promise<void> {
  const senderVtep = ir.fabric?.switches.find((s) => s.name === sender.leaf)?.loopback ?? '';
  const unused = (p: string): boolean => /has no router MAC for VTEP/.test(p) && !(p.startsWith(`${silent.leaf} `) && p.endsWith(` ${senderVtep}`));
  const deadline = Date.now() + 120_000;
  let left: string[] = [];
  while (Date.now() < deadline) {
    left = (await convergenceProblems(labDir, ir)).filter((p) => !unused(p));
    if (left.length === 0) return;
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error(`not converged for the probe:\n${left.join('\n')}`);
}

/** The tenant namespace's neighbour entries for an address (empty when the leaf has never resolved it). */
function neighbours(labDir: string, tenant: string, address: string): string {
  const r = tryInNetnsAt(join(tenantDir(labDir), tenant), 'ip', ['neigh', 'show', 'to', address]);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

describe('anycast gateway on examples/three-layer.yaml', { timeout: 300_000 }, () => {
  asRoot('a VM that has sent nothing answers the first packet routed to it by another leaf', async () => {
    const { silent, sender } = silentAndSender(example.ir);
    const vrf = example.ir.overlay.vpcs.find((v) => v.name === silent.vpc)?.vrf ?? '';
    const name = labName('agw');
    let state: LabState | undefined;
    try {
      const result = upExample(name, THREE_LAYER, example);
      state = result.state;
      await waitForProbePath(state.dir, example.ir, silent, sender);
      const vmNetns = (vm: string): string => result.plan.vmAttachments.find((a) => a.vm === vm)?.vmNetns ?? '';
      // Silent: neither leaf has ever resolved the VM (lab up sends no tenant traffic, and no probe ran).
      expect(neighbours(state.dir, tenantNetnsName(silent.leaf, vrf), silent.ip), silent.leaf).toBe('');
      expect(neighbours(state.dir, tenantNetnsName(sender.leaf, vrf), silent.ip), sender.leaf).toBe('');
      expect(firstSyn(vmNetns(sender.name), silent.ip), `${sender.name} (${sender.leaf}) -> ${silent.name} (${silent.leaf})`).toBe('refused');
      // The sender's leaf resolved it by ARP from its own address and MAC (the macvlan), so the reply came back to it.
      const bridge = example.ir.overlay.vpcs.find((v) => v.name === silent.vpc)?.subnets.find((s) => s.name === silent.subnet)?.bridge ?? '';
      expect(neighbours(state.dir, tenantNetnsName(sender.leaf, vrf), silent.ip)).toContain(`dev ${bridge}-v0 lladdr ${silent.mac}`);
    } finally {
      const recorded = readState(defaultLabDir(name)) ?? state;
      if (recorded) {
        expect(labDown(recorded).left).toEqual([]);
        expectLabGone(recorded);
      }
    }
  });
});
