// Rule: names are unique within their kind (VM names across all VPCs, switch names across all tiers and pods).
import type { SemanticRule } from './semantic-rule.js';
import { buildNameTable } from './name-table.js';

export const duplicateName: SemanticRule = {
  name: 'duplicate-name',
  codes: [{ code: 'duplicate-name', severity: 'error', summary: 'A name is declared twice within its kind.' }],
  check(spec, ctx) {
    const table = buildNameTable(spec);
    for (const d of table.all) {
      const first = table.get(d.kind, d.key);
      if (!first || first === d) continue;
      ctx.report('duplicate-name', d.path, `${d.kind} name "${d.key}" is already used`, {
        related: [{ path: first.path, message: 'first defined here' }],
        hint: `${d.kind} names must be unique; rename one of them`,
      });
    }
  },
};
