// Rules: ASN ranges are well-formed and tiers use disjoint ASNs (public ASNs are checked after allocation).
import type { DataPath } from '../../source/data-path.js';
import type { SemanticRule } from './semantic-rule.js';
import { type AsnRange, parseAsnRange } from '../../compile/allocate/asn-range.js';
import {
  DEFAULT_LEAF_ASN,
  DEFAULT_SPINE_ASN_THREE_TIER,
  DEFAULT_SPINE_ASN_TWO_TIER,
  DEFAULT_SUPER_SPINE_ASN,
} from '../../compile/allocate/fabric-defaults.js';

export const asnRules: SemanticRule = {
  name: 'asn-rules',
  codes: [
    { code: 'invalid-range', severity: 'error', summary: 'A `low-high` range has low above high.' },
    { code: 'asn-overlap', severity: 'error', summary: 'Two tiers draw ASNs from overlapping ranges.' },
  ],
  check(spec, ctx) {
    const asn = spec.fabric?.asn;
    if (!asn) return;
    const threeTiers = spec.fabric?.superSpines !== undefined || spec.fabric?.pods !== undefined;
    // A tier left out takes its default, which a written tier may overlap just the same (`leaf: 64000-65999`).
    const defaults = {
      superSpine: threeTiers ? DEFAULT_SUPER_SPINE_ASN : undefined,
      spine: threeTiers ? DEFAULT_SPINE_ASN_THREE_TIER : DEFAULT_SPINE_ASN_TWO_TIER,
      leaf: DEFAULT_LEAF_ASN,
    };
    const tiers: { tier: keyof typeof defaults; range: AsnRange; path: DataPath; written: boolean }[] = [];
    for (const tier of ['superSpine', 'spine', 'leaf'] as const) {
      const value = asn[tier] ?? defaults[tier];
      if (value === undefined) continue;
      const path: DataPath = ['fabric', 'asn', tier];
      const range = parseAsnRange(value);
      if (!range) continue;
      if (range.low > range.high) {
        ctx.report('invalid-range', path, `ASN range ${value} starts above its end`, { hint: 'write it as low-high' });
        continue;
      }
      tiers.push({ tier, range, path, written: asn[tier] !== undefined });
    }
    for (let i = 0; i < tiers.length; i++) {
      for (let j = i + 1; j < tiers.length; j++) {
        const a = tiers[i] as (typeof tiers)[number];
        const b = tiers[j] as (typeof tiers)[number];
        if (a.range.low <= b.range.high && b.range.low <= a.range.high) {
          // Located at the written tier of the two (two defaults never overlap).
          const [at, other] = b.written ? [b, a] : [a, b];
          const otherText = other.written ? `${other.tier} ASNs` : `${other.tier} ASNs (default ${String(defaults[other.tier])})`;
          ctx.report('asn-overlap', at.path, `${at.tier} ASNs overlap the ${otherText}; eBGP loop prevention would drop routes between them`, {
            related: [{ path: other.written ? other.path : ['fabric', 'asn'], message: otherText }],
            ...(other.written ? {} : { hint: `write asn.${other.tier} explicitly, outside this range` }),
          });
        }
      }
    }
  },
};
