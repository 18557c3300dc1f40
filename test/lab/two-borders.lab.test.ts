// `thrice lab` on examples/two-borders.yaml: the outside attached to both border leaves, flows and replies crossing different ones; the lab agrees with the analysis, and would not with stateful borders. Needs root.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { labDown } from '../../src/lab/lab-down.js';
import { labVerify, type VerifyResult } from '../../src/lab/verify/lab-verify.js';
import { LabStateFile, readState, type LabState } from '../../src/lab/lab-state.js';
import { defaultLabDir } from '../../src/lab/lab-names.js';
import { tenantDir } from '../../src/lab/tenant-namespaces.js';
import { tryInNetnsAt } from '../../src/lab/netns.js';
import type { LabPlan } from '../../src/lab/lab-plan-types.js';
import { collectDeviceFilters } from '../../src/emit/nftables/device-filters.js';
import { buildRulesetView } from '../../src/emit/nftables/build-ruleset-view.js';
import { renderTemplate } from '../../src/emit/render-template.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import { compileExample } from './lab-fixtures.js';
import { asRoot, expectLabGone, expectVerifyAgrees, labName, upExample } from './lab-run.js';

const TWO_BORDERS = new URL('../../examples/two-borders.yaml', import.meta.url).pathname;
const example = compileExample(TWO_BORDERS);

/** Packets counted by the rule with this comment in the border leaf's tenant namespace of VPC shop. */
function counted(labDir: string, border: string, comment: string): number {
  const r = tryInNetnsAt(join(tenantDir(labDir), `${border}--shop`), 'nft', ['-j', 'list', 'table', 'inet', 'thrice']);
  expect(r.status, r.stderr).toBe(0);
  const rules = (JSON.parse(r.stdout) as { nftables: { rule?: { comment?: string; expr: { counter?: { packets: number } }[] } }[] }).nftables.flatMap((o) => (o.rule ? [o.rule] : []));
  const rule = rules.find((x) => x.comment === comment);
  if (!rule) throw new Error(`no rule "${comment}" in ${border}--shop`);
  return rule.expr.reduce((n, e) => n + (e.counter?.packets ?? 0), 0);
}

/** The border rulesets as a thrice that kept connection state on every border leaf would emit them. */
function statefulBorders(ir: TopologyIR): Map<string, string> {
  const stateful: TopologyIR = { ...ir, firewalls: ir.firewalls.map((fw) => (fw.placement.kind === 'border' ? { ...fw, state: 'stateful' as const } : fw)) };
  return new Map(
    collectDeviceFilters(stateful)
      .filter((f) => f.device.kind === 'switch' && f.device.switch.role === 'border')
      .map((f) => [f.device.name, renderTemplate('nftables', 'ruleset.nft', buildRulesetView(stateful, f))]),
  );
}

const differing = (verified: VerifyResult): string[] => verified.rows.flatMap((r) => r.differing.map((o) => `${r.intent.name}: ${o.probe.from.name} -> ${o.probe.to.name} ${o.detail}`));

describe('thrice lab on examples/two-borders.yaml', { timeout: 300_000 }, () => {
  asRoot('flows and their replies cross either border leaf; verify agrees with check, and stateful borders would break', async () => {
    const name = labName('tbord');
    let state: LabState | undefined;
    try {
      const result = upExample(name, TWO_BORDERS, example);
      state = result.state;
      const plan: LabPlan = result.plan;
      // One outside per VPC, attached to both border leaves.
      expect(plan.outside.map((o) => `${o.border} ${o.tenantNetns} ${o.outsidePort}`)).toEqual(['border1 border1--shop eth0', 'border2 border2--shop eth1']);
      expect(new Set(plan.outside.map((o) => o.netns)).size).toBe(1);
      const verify = () => labVerify({ state: new LabStateFile(state!.dir, state!), plan, spec: example.spec, ir: example.ir, timeoutSeconds: 120, progress: () => {} });
      const verified = await verify();
      expectVerifyAgrees(verified);
      // Both border leaves carried first packets and replies (the reflexive reply rule counts replies).
      for (const border of ['border1', 'border2']) {
        expect(counted(state.dir, border, 'edge rule 1'), `${border}: inbound TCP 443`).toBeGreaterThan(0);
        expect(counted(state.dir, border, 'edge rule 1 reply'), `${border}: replies of inbound TCP 443`).toBeGreaterThan(0);
        expect(counted(state.dir, border, 'edge rule 2'), `${border}: outbound TCP 443`).toBeGreaterThan(0);
        expect(counted(state.dir, border, 'edge rule 2 reply'), `${border}: replies of outbound TCP 443`).toBeGreaterThan(0);
      }
      // The control: with connection state on each border leaf, replies through the other one are dropped, and the lab sees it.
      for (const [border, text] of statefulBorders(example.ir)) {
        const file = join(state.dir, 'lab', `${border}-stateful.nft`);
        writeFileSync(file, text);
        const r = tryInNetnsAt(join(tenantDir(state.dir), `${border}--shop`), 'nft', ['-f', file]);
        expect(r.status, r.stderr).toBe(0);
      }
      const broken = differing(await verify());
      expect(broken.filter((d) => d.startsWith('internet-reaches-web') || d.startsWith('app-reaches-internet')).length, broken.join('\n')).toBeGreaterThan(0);
    } finally {
      const recorded = readState(defaultLabDir(name)) ?? state;
      if (recorded) {
        expect(labDown(recorded).left).toEqual([]);
        expectLabGone(recorded);
      }
    }
  });
});
