// Issue 8.1: a spec may make thrice read manifests only inside its own directory tree, and never prints a refused file.
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codesOf, exampleProject, expectNoStackTrace, thrice } from './hostile-fixtures.js';

const SECRET = 'SECRET-TOKEN-7f3a9c';
/** The example's `manifests: [k8s/*.yaml]` value sits at line 75, column 17. */
const PATTERN_AT = '75:17';

/** The example project with its manifests pattern replaced, plus a secret file outside the project. */
function projectWithPattern(pattern: string) {
  const fixture = exampleProject();
  writeFileSync(join(fixture.root, 'secret.yaml'), `token: ${SECRET}\n`);
  const text = readFileSync(fixture.spec, 'utf8').replace('manifests: [k8s/*.yaml]', `manifests: ['${pattern}']`);
  writeFileSync(fixture.spec, text);
  return fixture;
}

/** The schema already refuses absolute patterns (schema-format); either way nothing is read. */
function expectRefused(spec: string, cwd: string, code = 'manifest-outside-project'): void {
  for (const format of ['text', 'json', 'sarif']) {
    const run = thrice(['validate', spec, '--format', format], { cwd });
    expect(run.status, run.stderr).toBe(1);
    expectNoStackTrace(run);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(run.stdout + run.stderr).not.toMatch(/root:x?:0:0|PATH=|HOME=/);
    if (format === 'json') expect(codesOf(run)).toContain(`${code} ${PATTERN_AT}`);
  }
}

describe('manifests outside the project are refused, unread', () => {
  it.each([
    ['a climbing path', '../secret.yaml'],
    ['a deep climb to /etc/passwd', '../../../../../../../../etc/passwd'],
    ['the process environment', '../../../../../../../../proc/self/environ'],
  ])('%s', (_, pattern) => {
    const { spec, project } = projectWithPattern(pattern);
    expectRefused(spec, project);
  });

  it.each([
    ['an absolute path', '/etc/passwd'],
    ['an absolute glob', '/etc/*'],
  ])('%s', (_, pattern) => {
    const { spec, project } = projectWithPattern(pattern);
    expectRefused(spec, project, 'schema-format');
  });

  it('a symbolic link to a file outside (matched by a glob)', () => {
    const { spec, project, root } = projectWithPattern('k8s/*.yaml');
    symlinkSync(join(root, 'secret.yaml'), join(project, 'k8s', 'zz-secret.yaml'));
    expectRefused(spec, project);
  });

  it('a symbolic link to /etc/shadow named exactly', () => {
    const { spec, project } = projectWithPattern('k8s/shadow.yaml');
    symlinkSync('/etc/shadow', join(project, 'k8s', 'shadow.yaml'));
    expectRefused(spec, project);
  });

  it('a symbolic link to a directory outside, searched with **', () => {
    const { spec, project, root } = projectWithPattern('k8s/**/*.yaml');
    mkdirSync(join(root, 'elsewhere'));
    writeFileSync(join(root, 'elsewhere', 'x.yaml'), `token: ${SECRET}\n`);
    symlinkSync(join(root, 'elsewhere'), join(project, 'k8s', 'linked'));
    expectRefused(spec, project);
  });

  it('a path through a linked directory named explicitly', () => {
    const { spec, project, root } = projectWithPattern('linked/secret.yaml');
    symlinkSync(root, join(project, 'linked'));
    expectRefused(spec, project);
  });

  it('a symbolic link that stays inside the project is read', () => {
    const { spec, project } = projectWithPattern('k8s/*.yaml');
    mkdirSync(join(project, 'shared'));
    writeFileSync(join(project, 'shared', 'ns.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: linked-ns}\n');
    symlinkSync(join(project, 'shared', 'ns.yaml'), join(project, 'k8s', 'ns.yaml'));
    const run = thrice(['validate', spec, '--format', 'json'], { cwd: project });
    expect(run.status, run.stdout).toBe(0);
  });

  it('the lock file may not be a link leading outside the project', () => {
    const { spec, project, root } = projectWithPattern('k8s/*.yaml');
    const lock = join(project, 'dc1.lock.yaml');
    writeFileSync(join(root, 'outside.lock.yaml'), `${readFileSync(lock, 'utf8')}\n# ${SECRET}\n`);
    rmSync(lock);
    symlinkSync(join(root, 'outside.lock.yaml'), lock);
    const run = thrice(['validate', spec], { cwd: project });
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain(SECRET);
    expectNoStackTrace(run);
  });

  it('excerpts quote only the spec and accepted manifests', () => {
    const { spec, project } = projectWithPattern('k8s/*.yaml');
    writeFileSync(join(project, 'k8s', 'bad.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: first\n  name: again-DUPLICATE\n');
    const run = thrice(['validate', spec], { cwd: project });
    expect(run.status).toBe(1);
    // The accepted manifest's own line is quoted under its location.
    expect(run.stderr).toMatch(/k8s\/bad\.yaml:5:\d+/);
    expect(run.stderr).toContain('again-DUPLICATE');
  });
});
