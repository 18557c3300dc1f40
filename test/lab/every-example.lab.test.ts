// Every bundled example is stood up in the lab somewhere: the examples without a lab test of their own are verified here, and a new example must be placed.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asRoot, expectVerifyAgrees, withVerifiedLab } from './lab-run.js';

const examplesDir = new URL('../../examples/', import.meta.url).pathname;

/** Where each example's lab run lives: the test file that stands it up and compares `lab verify` with `check`. */
const COVERED_BY: Readonly<Record<string, string>> = {
  'three-layer.yaml': 'lab-integration.test.ts',
  'policy-none.yaml': 'policy-enforcer.lab.test.ts',
  'nodes-reach-pods.yaml': 'policy-enforcer.lab.test.ts',
  'host-gw.yaml': 'flannel-backends.lab.test.ts',
  // Refused by `lab up` with its reason: this kernel has no WireGuard, and the overlay is flanneld's own.
  'wireguard.yaml': 'flannel-backends.lab.test.ts',
  'two-borders.yaml': 'two-borders.lab.test.ts',
  'overlapping-vpcs.yaml': 'overlapping-vpcs.lab.test.ts',
  'peering-chain.yaml': 'peering-chain.lab.test.ts',
  'two-tier.yaml': 'every-example.lab.test.ts',
  'three-tier.yaml': 'every-example.lab.test.ts',
};

const examples = readdirSync(examplesDir)
  .filter((f) => /\.ya?ml$/.test(f) && !f.includes('.lock.'))
  .sort();

describe('every example in the lab', { timeout: 300_000 }, () => {
  it('each example has a lab test that stands it up', () => {
    expect(examples.filter((e) => !COVERED_BY[e])).toEqual([]);
    const tests = new Set(readdirSync(new URL('.', import.meta.url).pathname));
    for (const file of Object.values(COVERED_BY)) expect(tests.has(file), file).toBe(true);
  });

  for (const name of examples.filter((e) => COVERED_BY[e] === 'every-example.lab.test.ts')) {
    asRoot(`${name}: converges, and verify agrees with check`, () =>
      withVerifiedLab('every', `${examplesDir}${name}`, (verified) => {
        expectVerifyAgrees(verified);
      }),
    );
  }
});
