// The ASN plan's defaults (README "Defaults"): a tier left out gets its default ASN, and a written tier may not overlap it.
import { describe, expect, it } from 'vitest';
import { build, errorsOf } from '../helpers/run-pipeline.js';

function twoTier(asn: string): string {
  return ['thrice: 1', 'name: asns', 'fabric:', '  loopbacks: 10.255.0.0/16', `  asn: ${asn}`, '  spines: 2', '  leaves: 2', ''].join('\n');
}

describe('ASN defaults', () => {
  it('gives two-tier spines 65000 when only the leaf range is written', () => {
    const result = build(twoTier('{leaf: 65100-65999}'));
    expect(errorsOf(result)).toEqual([]);
    const asns = new Map(result.ir?.fabric?.switches.map((s) => [s.name, s.asn]));
    expect([asns.get('spine1'), asns.get('spine2')]).toEqual([65000, 65000]);
    expect([asns.get('leaf1'), asns.get('leaf2')]).toEqual([65100, 65101]);
  });

  it('gives leaves 65100-65999 when only the spine ASN is written', () => {
    const result = build(twoTier('{spine: 64512}'));
    expect(errorsOf(result)).toEqual([]);
    expect(result.ir?.fabric?.switches.filter((s) => s.role === 'leaf').map((s) => s.asn)).toEqual([65100, 65101]);
  });

  it('reports a written leaf range that overlaps the default spine ASN, at the written range', () => {
    expect(errorsOf(build(twoTier('{leaf: 64000-65999}')))).toEqual(['asn-overlap 5:15']);
  });

  it('reports a written spine ASN inside the default leaf range, at the written ASN', () => {
    expect(errorsOf(build(twoTier('{spine: 65100}')))).toEqual(['asn-overlap 5:16']);
  });
});
