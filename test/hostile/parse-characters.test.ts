// Issue 8.4: control bytes, invalid UTF-8, a byte-order mark and tabs in a spec or manifest give a located error or a correct reading.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { NAMESPACE, WITH_MANIFEST, expectNoCrash, project, validateJson } from './parse-helpers.js';

const SPEC = 'thrice: 1\nname: x\n';

describe('bytes', () => {
  it('a NUL byte is a located yaml-syntax error, in a spec and in a manifest', () => {
    expect(validateJson(project({ 'spec.yaml': `${SPEC}vpcs: [a\u0000b]\n` })).found).toEqual(['yaml-syntax spec.yaml:3:9']);
    const manifest = `${NAMESPACE}---\nkind: Pod\nmetadata: {name: "p\u0000"}\n`;
    expect(validateJson(project({ 'spec.yaml': WITH_MANIFEST, 'm.yaml': manifest })).found).toEqual(['yaml-syntax m.yaml:6:20']);
  });

  it('a terminal escape sequence is refused and never reaches the terminal', () => {
    const run = runCli(['validate', 'spec.yaml'], project({ 'spec.yaml': `${SPEC}# \u001b]0;owned\u0007\u001b[2J\n` }));
    expectNoCrash(run);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^spec\.yaml:3:3: error yaml-syntax: /);
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('invalid UTF-8 in a key is a located unknown key', () => {
    const spec = Buffer.concat([Buffer.from(`${SPEC}fab`), Buffer.from([0xff, 0xc3]), Buffer.from('ric: {}\n')]);
    const { run, found } = validateJson(project({ 'spec.yaml': spec }));
    expect(run.status).toBe(1);
    expect(found).toEqual(['schema-unknown-property spec.yaml:3:1']);
  });

  it('a byte-order mark is ignored: a valid spec stays valid and columns on line 1 do not shift', () => {
    expect(validateJson(project({ 'spec.yaml': `\ufeff${SPEC}` })).run.status).toBe(0);
    expect(validateJson(project({ 'spec.yaml': `\ufeffthrice: 2\nname: x\n` })).found).toEqual(['schema-enum spec.yaml:1:9']);
  });

  it('tabs used as indentation are a located yaml-syntax error', () => {
    expect(validateJson(project({ 'spec.yaml': `${SPEC}vpcs:\n\t- name: a\n` })).found).toEqual(['yaml-syntax spec.yaml:4:1']);
  });

  it('a 5 MB line is quoted as a short excerpt around the error', () => {
    const run = runCli(['validate', 'spec.yaml'], project({ 'spec.yaml': `${SPEC}vpcs: [${'1, '.repeat(1_700_000)}{bad: 1}]\n` }));
    expectNoCrash(run);
    expect(run.status).toBe(1);
    expect(run.stderr.length).toBeLessThan(20_000);
  });
});
