// The lock file: the fast plain writer and the YAML library print the same text, and reading it back gives the same values.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY_LOCK, type LockFile, formatLockFile, formatLockWithYaml, formatPlainLock, readLockFile } from '../../src/compile/lock-file.js';
import { parseYamlFile } from '../../src/source/parse-yaml.js';

// Mostly names as people write them; number-like names (`123`) fall back to the library and are covered there.
const name = fc.oneof({ weight: 9, arbitrary: fc.stringMatching(/^[a-z]([a-z0-9-]{0,10}[a-z0-9])?$/) }, { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,3}[a-z0-9])?$/) });
const address = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((b) => b.join('.'));
// Prefixes as thrice writes them: network addresses, without host bits.
const link = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(127)).map(([a, b, c, d]) => `${a}.${b}.${c}.${2 * d}/31`);
const podSubnet = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map((b) => `${b.join('.')}.0/24`);
const lockArb: fc.Arbitrary<LockFile> = fc.record({
  switches: fc.dictionary(name, fc.record({ id: fc.nat(99), asn: fc.integer({ min: 64512, max: 65534 }), loopback: address }, { requiredKeys: ['id'] })),
  pods: fc.dictionary(name, fc.record({ asn: fc.nat(65000) })),
  racks: fc.dictionary(fc.tuple(name, name).map(([a, b]) => `${a}/${b}`), fc.record({ asn: fc.nat(65000) })),
  hosts: fc.dictionary(name, fc.record({ port: fc.nat(64), loopback: address })),
  links: fc.dictionary(fc.tuple(name, name).map(([a, b]) => `${a}/${b}`), link),
  vpcs: fc.dictionary(name, fc.record({ id: fc.nat(99) })),
  subnets: fc.dictionary(fc.tuple(name, name).map(([a, b]) => `${a}/${b}`), fc.record({ vlan: fc.integer({ min: 2, max: 4094 }) })),
  vms: fc.dictionary(name, fc.record({ ip: address, port: fc.nat(40) })),
  gateways: fc.dictionary(fc.tuple(name, name, name).map(([a, b, c]) => `${a}/${b}/${c}`), fc.record({ ip: address })),
  nodes: fc.dictionary(fc.tuple(name, name).map(([a, b]) => `${a}/${b}`), fc.record({ podSubnet })),
});

describe('lock file text', () => {
  it('the plain writer prints exactly what the YAML library prints, or leaves it to the library', () => {
    let plainRuns = 0;
    fc.assert(
      fc.property(lockArb, (lock) => {
        const plain = formatPlainLock(lock, 'dc1');
        if (plain === undefined) return;
        plainRuns++;
        expect(plain).toBe(formatLockWithYaml(lock, 'dc1'));
      }),
      { numRuns: 300 },
    );
    expect(plainRuns).toBeGreaterThan(30);
  });

  it('writes the examples\' lock files on the plain path', () => {
    const lock: LockFile = {
      ...EMPTY_LOCK,
      switches: { leaf1: { id: 1, loopback: '10.255.0.3' }, 'pod1-spine1': { id: 1, loopback: '10.255.0.1', slot: 2 } },
      racks: { 'pod1/r1': { asn: 65100 } },
      links: { 'spine1/leaf1': '10.254.0.0/31' },
      nodes: { 'prod/k8s-1': { podSubnet: '10.244.0.0/24' } },
    };
    expect(formatPlainLock(lock, 'dc1')).toBe(formatLockWithYaml(lock, 'dc1'));
  });

  it('reads back to the same values', () => {
    fc.assert(
      fc.property(lockArb, (lock) => {
        const doc = parseYamlFile(formatLockFile(lock, 'dc1'), 'l.yaml').documents[0]!;
        const back = readLockFile(doc, () => {
          throw new Error('invalid');
        });
        for (const section of Object.keys(EMPTY_LOCK) as (keyof LockFile)[]) expect(back[section]).toEqual(lock[section]);
      }),
      { numRuns: 100 },
    );
  });

  it('falls back to the library for anything that would need quoting', () => {
    const lock = { ...EMPTY_LOCK, switches: { 'Odd Name': { id: 1 } } };
    expect(formatPlainLock(lock, 'dc1')).toBeUndefined();
    expect(formatLockFile(lock, 'dc1')).toBe(formatLockWithYaml(lock, 'dc1'));
  });

  it('reports a text value that is not an address or prefix as written by thrice as lock-value-invalid, at the value', () => {
    const text = [
      'thrice-lock: 1',
      'switches:',
      '  leaf1: { id: 1, loopback: 10.255.0.300 }',
      'links:',
      '  spine1/leaf1: 10.254.0.0/30',
      '  spine1/leaf2: 10.254.0.3/31',
      'nodes:',
      '  prod/k8s-1: { podSubnet: 10.244.0.0 }',
      '',
    ].join('\n');
    const found: string[] = [];
    readLockFile(parseYamlFile(text, 'l.yaml').documents[0]!, (d) => found.push(`${d.code} ${d.location?.line}:${d.location?.column}`));
    expect(found).toEqual(['lock-value-invalid 3:29', 'lock-value-invalid 5:17', 'lock-value-invalid 6:17', 'lock-value-invalid 8:28']);
  });
});
