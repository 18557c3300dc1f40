// Leaves of a rack pair share an ASN; their frr.conf accepts it once in the AS path, or the pair never learns each other's routes.
import { describe, expect, it } from 'vitest';
import { frrEmitter } from '../../src/emit/frr/frr-emitter.js';
import { build } from '../helpers/run-pipeline.js';

const spec = [
  'thrice: 1',
  'name: pairs',
  'fabric:',
  '  loopbacks: 10.255.0.0/16',
  '  asn: {spine: 65000, leaf: 65100-65999}',
  '  spines: 2',
  '  leaves:',
  '    - {name: leaf1, rack: r1}',
  '    - {name: leaf2, rack: r1}',
  '    - {name: leaf3, rack: r2}',
  '',
].join('\n');

describe('rack pairs in frr.conf', () => {
  const files = new Map(frrEmitter.emit(build(spec).ir!).map((f) => [f.path, f.contents]));
  it('gives both leaves of a pair allowas-in 1 in both address families', () => {
    for (const leaf of ['leaf1', 'leaf2']) {
      expect(files.get(`fabric/${leaf}/frr.conf`)?.match(/^  neighbor fabric allowas-in 1$/gm)).toHaveLength(2);
    }
  });
  it('leaves a leaf alone in its rack, and the spines, without it', () => {
    for (const sw of ['leaf3', 'spine1']) expect(files.get(`fabric/${sw}/frr.conf`)).not.toContain('allowas-in');
  });
});
