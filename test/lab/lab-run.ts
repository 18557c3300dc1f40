// Test helper: stand a compiled example up as a lab, verify it, and check that `down` leaves nothing behind.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { labUp } from '../../src/lab/lab-up.js';
import { labDown } from '../../src/lab/lab-down.js';
import { labVerify, type VerifyResult } from '../../src/lab/verify/lab-verify.js';
import { LabStateFile, readState, type LabState } from '../../src/lab/lab-state.js';
import { isRunning } from '../../src/lab/lab-processes.js';
import { mountsUnder } from '../../src/lab/lab-mounts.js';
import { listNetns } from '../../src/lab/netns.js';
import { defaultLabDir } from '../../src/lab/lab-names.js';
import { checkRequirements } from '../../src/lab/requirements.js';
import { compileExample, type CompiledExample } from './lab-fixtures.js';
import { testNeeding } from '../emit/test-needing.js';

export const labReady = process.getuid?.() === 0 && checkRequirements({ capture: true }).every((r) => r.ok);
export const asRoot = testNeeding('root with FRR, iproute2, nftables, util-linux and tcpdump', labReady);

/** A fresh lab name with a short prefix of the test's own (namespace names stay within IFNAMSIZ-friendly lengths). */
export function labName(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}

export function upExample(name: string, specPath: string, example: ReturnType<typeof compileExample> = compileExample(specPath)) {
  return labUp({ name, dir: defaultLabDir(name), specPath, specText: example.text, spec: example.spec, ir: example.ir, outputs: example.outputs, progress: () => {} });
}

/**
 * Ups the example, verifies every intent (probes, no capture unless asked), hands the result to `inspect`, and downs the
 * lab whatever happens, asserting that nothing of it is left.
 */
export async function withVerifiedLab(
  prefix: string,
  specPath: string,
  inspect: (verified: VerifyResult, example: CompiledExample & ReturnType<typeof compileExample>, lab: LabState) => void | Promise<void>,
  options: { capture?: string; timeoutSeconds?: number } = {},
): Promise<void> {
  const name = labName(prefix);
  const example = compileExample(specPath);
  let state: LabState | undefined;
  try {
    const result = upExample(name, specPath, example);
    state = result.state;
    expect(state.phase).toBe('up');
    const verified = await labVerify({
      state: new LabStateFile(state.dir, state),
      plan: result.plan,
      spec: example.spec,
      ir: example.ir,
      timeoutSeconds: options.timeoutSeconds ?? 120,
      ...(options.capture ? { capture: options.capture } : {}),
      progress: () => {},
    });
    await inspect(verified, example, result.state);
  } finally {
    const recorded = readState(defaultLabDir(name)) ?? state;
    if (recorded) {
      expect(labDown(recorded).left).toEqual([]);
      expectLabGone(recorded);
    }
  }
}

/** Every probe of every intent observed what the analysis predicted, and none was skipped. */
export function expectVerifyAgrees(verified: VerifyResult): void {
  for (const r of verified.rows) {
    const skipped = r.outcomes.filter((o) => o.observed === 'skipped');
    expect(skipped, `${r.intent.name}: ${skipped.map((o) => o.detail).join('; ')}`).toEqual([]);
    expect(r.differing.map((o) => `${o.probe.from.name} -> ${o.probe.to.name}: observed ${o.observed} (${o.detail})`), r.intent.name).toEqual([]);
  }
}

/** Everything of the lab is gone: its namespaces, its pinned tenant namespaces and mounts, its processes, its files. */
export function expectLabGone(state: LabState): void {
  expect(listNetns().filter((n) => n.startsWith(`${state.name}-`))).toEqual([]);
  expect(mountsUnder(state.dir)).toEqual([]);
  expect(state.processes.filter(isRunning)).toEqual([]);
  expect(processesMentioning(state.dir)).toEqual([]);
  expect(existsSync(state.dir)).toBe(false);
  // Directories up created above the lab's are gone, unless something else lives in them now.
  for (const parent of state.parentDirs) expect(existsSync(parent) && readdirSync(parent).length === 0, parent).toBe(false);
}

/** Any process whose command line names the lab directory (daemons, listeners): none may outlive `down`. */
function processesMentioning(dir: string): string[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)
    .flatMap((p) => {
      try {
        const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ');
        return cmd.includes(dir) ? [`${p}: ${cmd}`] : [];
      } catch {
        return [];
      }
    });
}
