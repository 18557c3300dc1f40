// Issue 8.4: tags, huge numbers, merge keys and prototype keys in a spec give a located error or a correct reading.
import { describe, expect, it } from 'vitest';
import { project, validateJson } from './parse-helpers.js';

const SPEC = 'thrice: 1\nname: x\n';
const FABRIC = `${SPEC}fabric:\n  loopbacks: 10.255.0.0/16\n  asn: {spine: 65000, leaf: 65100-65999}\n  spines: 2\n  leaves: 2\n`;

describe('values', () => {
  it.each(['!!js/function', '!!python/object/apply:os.system', '!!binary', '!Ref'])('the tag %s is refused where it stands', (tag) => {
    const { run, found } = validateJson(project({ 'spec.yaml': `${SPEC}vpcs: [${tag} x]\n` }));
    expect(run.status).toBe(1);
    expect(found).toEqual(['yaml-unknown-tag spec.yaml:3:8']);
  });

  it('1e999 reads as an infinite number, which the schema refuses where it stands', () => {
    expect(validateJson(project({ 'spec.yaml': `${FABRIC}  radix: 1e999\n` })).found).toEqual(['schema-type spec.yaml:8:10']);
    expect(validateJson(project({ 'spec.yaml': `${FABRIC}  mtu: .nan\n` })).found).toEqual(['schema-type spec.yaml:8:8']);
  });

  it('0b100 is a string in YAML 1.2, with or without an anchor in the file', () => {
    expect(validateJson(project({ 'spec.yaml': `${FABRIC}  radix: 0b100\n` })).found).toEqual(['schema-type spec.yaml:8:10']);
    expect(validateJson(project({ 'spec.yaml': `${FABRIC}  radix: &r 0b100\n` })).found).toEqual(['schema-type spec.yaml:8:13']);
  });

  it('"<<" is not merged: it is an unknown key', () => {
    const spec = `${FABRIC}  <<: {radix: 64}\n`;
    expect(validateJson(project({ 'spec.yaml': spec })).found).toEqual(['schema-unknown-property spec.yaml:8:3']);
  });

  it('__proto__ and constructor keys are unknown keys, located, and pollute nothing', () => {
    const spec = `${SPEC}__proto__: {fabric: {}}\nconstructor: {}\n`;
    const { found } = validateJson(project({ 'spec.yaml': spec }));
    expect(found).toEqual(['schema-unknown-property spec.yaml:3:1', 'schema-unknown-property spec.yaml:4:1']);
  });

  it('"constructor" works as a name like any other', () => {
    const spec = `${FABRIC.replace('leaves: 2', 'leaves: [constructor]')}  hosts: [{name: constructor, leaf: constructor}]\n`;
    expect(validateJson(project({ 'spec.yaml': spec })).found).toEqual([]);
  });
});
