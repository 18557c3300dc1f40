// `thrice lab` on examples/overlapping-vpcs.yaml: two unpeered VPCs on the same addresses; the border opens TCP 443 to blue's VM only, and the lab sees exactly that. Needs root.
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { tenantDir } from '../../src/lab/tenant-namespaces.js';
import { tryInNetnsAt } from '../../src/lab/netns.js';
import { asRoot, expectVerifyAgrees, withVerifiedLab } from './lab-run.js';

const SPEC = new URL('../../examples/overlapping-vpcs.yaml', import.meta.url).pathname;

/** The border ruleset's table in the border leaf's tenant namespace of one VPC, as nft's JSON objects. */
function borderTable(labDir: string, vpc: string): { rule?: { comment?: string; expr: { counter?: { packets: number } }[] }; map?: { name: string; elem?: unknown[] } }[] {
  const r = tryInNetnsAt(join(tenantDir(labDir), `border1--${vpc}`), 'nft', ['-j', 'list', 'table', 'inet', 'thrice']);
  expect(r.status, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { nftables: [] }).nftables;
}

/** Packets counted by every copy of the rule with this comment. */
function counted(labDir: string, vpc: string, comment: string): number {
  return borderTable(labDir, vpc)
    .flatMap((o) => (o.rule?.comment === comment ? o.rule.expr : []))
    .reduce((n, e) => n + (e.counter?.packets ?? 0), 0);
}

describe('lab: overlapping VPCs', () => {
  asRoot('observes what check predicts: the outside reaches blue\'s VM on TCP 443, and not red\'s on the same address', async () => {
    await withVerifiedLab('ovlap', SPEC, (verified, _example, lab) => {
      expectVerifyAgrees(verified);
      const observed = verified.rows.map((r) => [r.intent.name, [...new Set(r.outcomes.map((o) => o.observed))]]);
      expect(observed).toEqual([
        ['internet-reaches-blue', ['allow']],
        ['internet-not-to-red', ['deny']],
      ]);
      // The rule for vm:web-blue passed blue's probes and matched none of red's, whose first packets the default dropped.
      expect(counted(lab.dir, 'blue', 'edge rule 1')).toBeGreaterThan(0);
      expect(counted(lab.dir, 'red', 'edge rule 1')).toBe(0);
      expect(counted(lab.dir, 'red', 'edge default')).toBeGreaterThan(0);
      // Each outside port joined its VPC's conntrack zone, as the ruleset asks of a deployment.
      for (const vpc of ['blue', 'red']) {
        const zones = borderTable(lab.dir, vpc).find((o) => o.map?.name === 'vpc_zone')?.map?.elem ?? [];
        expect(JSON.stringify(zones)).toMatch(/"swp\d+"/);
      }
    });
  });
});
