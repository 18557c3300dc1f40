// `thrice lab up --kernel vm` on examples/three-layer.yaml: the outputs run unchanged on Debian's kernel under qemu, every intent's every path is probed (peering included) and agrees with the analysis, and `down` leaves nothing. Needs root, qemu and the kernel of scripts/install-system-deps.sh.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';
import { readState } from '../../../src/lab/lab-state.js';
import { isRunning } from '../../../src/lab/lab-processes.js';
import { defaultLabDir, deviceNetns } from '../../../src/lab/lab-names.js';
import { checkVmRequirements } from '../../../src/lab/vm/vm-requirements.js';
import { guestPath } from '../../../src/lab/vm/vm-lab-channel.js';
import { writeOutputDir } from '../../../src/cli/write-output-dir.js';
import { THREE_LAYER, compileExample } from '../lab-fixtures.js';
import { labName, labReady } from '../lab-run.js';
import { firstSynScript, silentAndSender } from '../anycast-fixtures.js';
import { frrPaths } from '../../../src/lab/frr-daemons.js';
import { testNeeding } from '../../emit/test-needing.js';

const vmReady = labReady && checkVmRequirements().every((r) => r.ok);
const inVm = testNeeding("root with FRR, qemu-system-x86, Debian's kernel and a static busybox (scripts/install-system-deps.sh)", vmReady);

/** What the lab would stand in for on a kernel without VRF devices, 802.1Q or bridge conntrack: none of it may happen in the VM. */
const STAND_INS = /overlay-netns\.sh|without `import vrf`|VLAN trunks|stand-in|inside the VM \(|namespace VRF backend/;

const EXAMPLES = new URL('../../../examples/', import.meta.url).pathname;
const examplePaths = (): string[] => readdirSync(EXAMPLES).filter((f) => /\.ya?ml$/.test(f) && !f.includes('.lock.')).sort().map((f) => join(EXAMPLES, f));

const exec = (dir: string, ...command: string[]) => runCli(['lab', 'exec', '--dir', dir, '--', ...command]);

describe('the lab in a VM on examples/three-layer.yaml', { timeout: 45 * 60_000 }, () => {
  inVm('runs the outputs as emitted, probes every path of every intent with real packets, and leaves nothing', () => {
    const example = compileExample(THREE_LAYER);
    const name = labName('t3vm');
    const dir = defaultLabDir(name);
    // Every example's hypervisor rulesets, compiled before the VM boots (it reads this machine's files as they were then).
    const rulesets = mkdtempSync(join(tmpdir(), 'thrice-vm-nft-'));
    const hypervisorFiles = examplePaths().flatMap((path) => {
      const compiled = compileExample(path);
      const out = join(rulesets, path.split('/').pop()?.replace(/\.yaml$/, '') ?? 'x');
      writeOutputDir(out, compiled.outputs, 'test');
      return (compiled.ir.fabric?.hosts ?? []).map((h) => join(out, 'nftables', `${h.name}.nft`)).filter(existsSync);
    });
    try {
      const up = runCli(['lab', 'up', THREE_LAYER, '--kernel', 'vm', '--name', name]);
      expect(up.status, up.stderr + up.stdout).toBe(0);
      const state = readState(dir);
      expect(state?.vm?.kernel).toMatch(/^6\./);
      expect(up.stdout).toMatch(/kernel: veth, bridge, vxlan, nftables, vrf, dummy, 802\.1Q and bridge conntrack/);
      expect(up.stdout).toMatch(/0 stand-ins/);
      expect(state?.differences.filter((d) => STAND_INS.test(d))).toEqual([]);

      // Tagged trunks: each hypervisor's VLAN subinterfaces are 802.1Q devices, not veth stand-ins.
      for (const host of example.ir.fabric?.hosts ?? []) {
        const links = exec(dir, 'ip', '-n', deviceNetns(name, host.name), '-d', '-j', 'link', 'show');
        expect(links.status, links.stderr).toBe(0);
        const kinds = (JSON.parse(links.stdout) as { ifname: string; linkinfo?: { info_kind?: string } }[]).filter((l) => /\.\d+$/.test(l.ifname)).map((l) => l.linkinfo?.info_kind);
        if (example.ir.overlay.vms.some((vm) => vm.host === host.name)) expect(kinds.length, host.name).toBeGreaterThan(0);
        expect(kinds.every((k) => k === 'vlan'), host.name).toBe(true);
      }

      // The anycast gateway, before any probe has sent tenant traffic: the first SYN to a VM nothing has resolved yet gets through.
      const { silent, sender } = silentAndSender(example.ir);
      const vpc = example.ir.overlay.vpcs.find((v) => v.name === silent.vpc);
      const innerDir = state?.vm?.innerDir ?? '';
      const senderVtep = example.ir.fabric?.switches.find((s) => s.name === sender.leaf)?.loopback ?? '';
      const ask = (leaf: string, command: string): string => exec(dir, 'vtysh', '--vty_socket', frrPaths(innerDir, leaf).dir, '-c', command).stdout;
      const deadline = Date.now() + 600_000;
      // The probe's path: the silent VM's leaf knows the sender's leaf's router MAC, the sender's leaf routes the silent VM's subnet.
      const subnet = vpc?.subnets.find((x) => x.name === silent.subnet);
      while (!(ask(silent.leaf, `show evpn rmac vni ${vpc?.l3Vni} json`).includes(`"${senderVtep}"`) && ask(sender.leaf, `show ip route vrf ${vpc?.vrf} json`).includes(`"${subnet?.cidr}"`))) {
        expect(Date.now(), 'the probe path did not converge').toBeLessThan(deadline);
      }
      for (const leaf of [silent.leaf, sender.leaf]) expect(exec(dir, 'ip', '-n', deviceNetns(name, leaf), 'neigh', 'show', 'to', silent.ip).stdout.trim(), leaf).toBe('');
      const syn = exec(dir, 'ip', 'netns', 'exec', deviceNetns(name, sender.name), process.execPath, '-e', firstSynScript(silent.ip));
      expect(syn.stdout.trim(), `${sender.name} (${sender.leaf}) -> ${silent.name} (${silent.leaf}): ${syn.stderr}`).toBe('refused');

      // nft -c of every example's hypervisor rulesets against a kernel with conntrack in the bridge family.
      expect(hypervisorFiles.length).toBeGreaterThan(0);
      const checked = exec(dir, 'sh', '-c', 'for f; do nft -c -f "$f" || { echo "rejected: $f"; exit 1; }; done', 'sh', ...hypervisorFiles.map(guestPath));
      expect(checked.status, checked.stdout + checked.stderr).toBe(0);

      const verify = runCli(['lab', 'verify', '--dir', dir, '--timeout', '900']);
      expect(verify.status, verify.stdout + verify.stderr).toBe(0);
      expect(verify.stdout).toMatch(/every observation agrees with the analysis/);
      expect(verify.stdout).not.toMatch(/not probed|skipped/);
      expect(verify.stdout).toMatch(/^batch-peers\s/m);

      const status = runCli(['lab', 'status', '--dir', dir]);
      expect(status.status, status.stdout + status.stderr).toBe(0);
      expect(status.stdout).toMatch(/: up \(in a VM\)/);
    } finally {
      rmSync(rulesets, { recursive: true, force: true });
      const recorded = readState(dir);
      const down = runCli(['lab', 'down', '--dir', dir]);
      expect(down.status, down.stderr).toBe(0);
      expect(existsSync(dir)).toBe(false);
      expect(recorded?.processes.filter(isRunning) ?? []).toEqual([]);
    }
  });
});

const PEERING_CHAIN = join(EXAMPLES, 'peering-chain.yaml');

describe('the lab in a VM on examples/peering-chain.yaml', { timeout: 30 * 60_000 }, () => {
  inVm('carries packets across VPC peerings and not across the chain (peerings are not transitive)', () => {
    const name = labName('pcvm');
    const dir = defaultLabDir(name);
    try {
      const up = runCli(['lab', 'up', PEERING_CHAIN, '--kernel', 'vm', '--name', name]);
      expect(up.status, up.stderr + up.stdout).toBe(0);
      expect(readState(dir)?.differences.filter((d) => STAND_INS.test(d))).toEqual([]);
      const verify = runCli(['lab', 'verify', '--dir', dir, '--timeout', '900']);
      expect(verify.status, verify.stdout + verify.stderr).toBe(0);
      expect(verify.stdout).not.toMatch(/not probed|skipped/);
      // Allowed both ways along the chain, denied from its one end to the other: each with real packets.
      for (const intent of ['alpha-to-bravo', 'bravo-to-charlie']) expect(verify.stdout).toMatch(new RegExp(`^${intent}\\s+allow\\s+allow\\s+allow\\s`, 'm'));
      expect(verify.stdout).toMatch(/^alpha-not-to-charlie\s+deny\s+deny\s+deny\s/m);
    } finally {
      const down = runCli(['lab', 'down', '--dir', dir]);
      expect(down.status, down.stderr).toBe(0);
      expect(existsSync(dir)).toBe(false);
    }
  });
});
