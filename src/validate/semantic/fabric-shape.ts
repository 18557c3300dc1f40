// Rule: a fabric is either two tiers (spines + leaves) or three (superSpines + pods), with racks of at most two leaves.
import type { SemanticRule } from './semantic-rule.js';
import { planFabric } from '../../compile/fabric-plan.js';
import { rackKey } from '../../compile/allocate/allocate-fabric.js';

export const fabricShape: SemanticRule = {
  name: 'fabric-shape',
  codes: [
    { code: 'fabric-tiers-mixed', severity: 'error', summary: 'Two-tier and three-tier fields are mixed.' },
    { code: 'fabric-incomplete', severity: 'error', summary: 'A tier has no switches.' },
    { code: 'rack-too-many-leaves', severity: 'error', summary: 'More than two leaves share a rack (a rack holds one leaf or a pair).' },
  ],
  check(spec, ctx) {
    const f = spec.fabric;
    if (!f) return;
    const twoTier = f.spines !== undefined || f.leaves !== undefined;
    const threeTier = f.superSpines !== undefined || f.pods !== undefined;
    if (twoTier && threeTier) {
      const path = f.pods !== undefined ? ['fabric', 'pods'] : ['fabric', 'superSpines'];
      ctx.report('fabric-tiers-mixed', path, 'a fabric has either spines and leaves (two tiers) or superSpines and pods (three tiers), not both', {
        atKey: true,
        related: [{ path: f.spines !== undefined ? ['fabric', 'spines'] : ['fabric', 'leaves'], message: 'two-tier field here' }],
        hint: 'in three tiers, give each pod its own spines and leaves',
      });
      return;
    }
    const plan = planFabric(f);
    if (plan.tiers === 3 && plan.superSpines.length === 0) {
      ctx.report('fabric-incomplete', f.superSpines !== undefined ? ['fabric', 'superSpines'] : ['fabric', 'pods'], 'a three-tier fabric needs at least one super-spine', { atKey: true });
    }
    if (plan.tiers === 3 && plan.pods.length === 0) {
      ctx.report('fabric-incomplete', f.pods !== undefined ? ['fabric', 'pods'] : ['fabric', 'superSpines'], 'a three-tier fabric needs at least one pod', { atKey: true });
    }
    for (const pod of plan.pods) {
      const where = pod.name ? `pod ${pod.name}` : 'the fabric';
      if (pod.spines.length === 0) ctx.report('fabric-incomplete', pod.path.length > 1 ? pod.path : ['fabric'], `${where} has no spines`, { atKey: true });
      if (pod.leaves.length === 0) ctx.report('fabric-incomplete', pod.path.length > 1 ? pod.path : ['fabric'], `${where} has no leaves`, { atKey: true });
      const racks = new Map<string, typeof pod.leaves>();
      for (const leaf of pod.leaves) {
        if (leaf.rack === undefined) continue;
        const members = [...(racks.get(rackKey(leaf)) ?? []), leaf];
        racks.set(rackKey(leaf), members);
        if (members.length === 3) {
          ctx.report('rack-too-many-leaves', [...leaf.path, 'rack'], `rack ${leaf.rack} already has two leaves; a rack holds one leaf or a leaf pair sharing an ASN`, {
            related: members.slice(0, 2).map((m) => ({ path: [...m.path, 'rack'], message: `${m.name} is in rack ${leaf.rack}` })),
          });
        }
      }
    }
  },
};
