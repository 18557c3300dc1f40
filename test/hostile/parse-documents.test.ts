// Issue 8.2: a spec or lock file with a second YAML document is a located error at that document, not a library message.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { expectNoCrash, project, validateJson } from './parse-helpers.js';

const SPEC = 'thrice: 1\nname: one\n';

describe('multi-document files', () => {
  it('a spec with a second document is refused at its --- line', () => {
    const { run, found } = validateJson(project({ 'spec.yaml': `${SPEC}---\nthrice: 1\nname: two\n` }));
    expect(run.status).toBe(1);
    expect(found).toEqual(['yaml-multiple-documents spec.yaml:3:1']);
  });

  it('also when the second document follows a "..." end marker, or is empty', () => {
    expect(validateJson(project({ 'spec.yaml': `${SPEC}...\nname: two\n` })).found).toEqual(['yaml-multiple-documents spec.yaml:4:1']);
    expect(validateJson(project({ 'spec.yaml': `---\n${SPEC}---\n` })).found).toEqual(['yaml-multiple-documents spec.yaml:4:1']);
  });

  it('the text report names no library function', () => {
    const run = runCli(['validate', 'spec.yaml'], project({ 'spec.yaml': `${SPEC}---\nname: two\n` }));
    expectNoCrash(run);
    expect(run.stderr).toMatch(/^spec\.yaml:3:1: error yaml-multiple-documents: /);
    expect(run.stderr).not.toMatch(/parseAllDocuments/);
  });

  it('a lock file with a second document is a located lock error', () => {
    const lock = 'thrice-lock: 1\n---\nthrice-lock: 1\n';
    const { run, found } = validateJson(project({ 'spec.yaml': SPEC, 'spec.lock.yaml': lock }), ['compile', 'spec.yaml', '-o', 'out']);
    expect(run.status).toBe(1);
    expect(found).toEqual(['lock-invalid spec.lock.yaml:2:1']);
  });
});
