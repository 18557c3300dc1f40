// Rules: ASN ranges are well-formed and tiers use disjoint ASNs (public ASNs are checked after allocation).
import type { DataPath } from '../../source/data-path.js';
import type { SemanticRule } from './semantic-rule.js';
import { type AsnRange, parseAsnRange } from '../../compile/allocate/asn-range.js';

export const asnRules: SemanticRule = {
  name: 'asn-rules',
  codes: [
    { code: 'invalid-range', severity: 'error', summary: 'A `low-high` range has low above high.' },
    { code: 'asn-overlap', severity: 'error', summary: 'Two tiers draw ASNs from overlapping ranges.' },
  ],
  check(spec, ctx) {
    const asn = spec.fabric?.asn;
    if (!asn) return;
    const tiers: { tier: string; range: AsnRange; path: DataPath }[] = [];
    for (const tier of ['superSpine', 'spine', 'leaf'] as const) {
      const value = asn[tier];
      if (value === undefined) continue;
      const path: DataPath = ['fabric', 'asn', tier];
      const range = parseAsnRange(value);
      if (!range) continue;
      if (range.low > range.high) {
        ctx.report('invalid-range', path, `ASN range ${value} starts above its end`, { hint: 'write it as low-high' });
        continue;
      }
      tiers.push({ tier, range, path });
    }
    for (let i = 0; i < tiers.length; i++) {
      for (let j = i + 1; j < tiers.length; j++) {
        const a = tiers[i] as (typeof tiers)[number];
        const b = tiers[j] as (typeof tiers)[number];
        if (a.range.low <= b.range.high && b.range.low <= a.range.high) {
          ctx.report('asn-overlap', b.path, `${b.tier} ASNs overlap the ${a.tier} ASNs; eBGP loop prevention would drop routes between them`, {
            related: [{ path: a.path, message: `${a.tier} ASNs` }],
          });
        }
      }
    }
  },
};
