// Issue 8.2: compile refuses output directories whose replacement would delete the user's files (exit 2, nothing touched).
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleProject, expectOneLineRefusal, snapshot, tempDir, thrice } from './hostile-fixtures.js';

const MARKER = '.thrice-output';

describe('output directories that hold or are the inputs', () => {
  it('the directory holding the spec, even with the output marker (the reported data-loss case)', () => {
    const { project } = exampleProject();
    const out = join(project, 'out');
    mkdirSync(out);
    cpSync(join(project, 'dc1.yaml'), join(out, 'dc1.yaml'));
    cpSync(join(project, 'k8s'), join(out, 'k8s'), { recursive: true });
    writeFileSync(join(out, 'notes.txt'), 'mine\n');
    writeFileSync(join(out, MARKER), 'thrice\n');
    const before = snapshot(project);
    expectOneLineRefusal(thrice(['compile', 'out/dc1.yaml', '-o', 'out'], { cwd: project }));
    expect(snapshot(project)).toEqual(before);
  });

  it.each([
    ['the spec directory itself', 'proj'],
    ['an ancestor of the spec', 'proj/..'],
  ])('%s', (_, out) => {
    const { project, root } = exampleProject();
    writeFileSync(join(project, MARKER), 'thrice\n');
    const before = snapshot(root);
    // Run from elsewhere so that the working-directory rule is not what refuses.
    const cwd = tempDir();
    expectOneLineRefusal(thrice(['compile', join(project, 'dc1.yaml'), '-o', join(root, out)], { cwd }));
    expect(snapshot(root)).toEqual(before);
  });

  it('a directory holding the lock file (the spec elsewhere)', () => {
    const { project } = exampleProject();
    const before = snapshot(project);
    // The lock lives beside the spec, so an output directory holding the lock holds the spec too; the refusal
    // must come before anything is compiled or written.
    expectOneLineRefusal(thrice(['compile', 'dc1.yaml', '-o', '.'], { cwd: project }));
    expect(snapshot(project)).toEqual(before);
  });

  it('a directory holding an imported manifest', () => {
    const { project } = exampleProject();
    writeFileSync(join(project, 'k8s', MARKER), 'thrice\n');
    const before = snapshot(project);
    expectOneLineRefusal(thrice(['compile', 'dc1.yaml', '-o', 'k8s'], { cwd: project }));
    expect(snapshot(project)).toEqual(before);
  });

  it('a path through a link to the directory holding the spec', () => {
    const { project, root } = exampleProject();
    writeFileSync(join(project, MARKER), 'thrice\n');
    symlinkSync(project, join(root, 'alias'));
    const before = snapshot(project);
    expectOneLineRefusal(thrice(['compile', join(project, 'dc1.yaml'), '-o', join(root, 'alias', '.')], { cwd: tempDir() }));
    expect(snapshot(project)).toEqual(before);
  });
});

describe('output directories never meant', () => {
  it('/', () => {
    const { project } = exampleProject();
    expectOneLineRefusal(thrice(['compile', 'dc1.yaml', '-o', '/'], { cwd: project }));
  });

  it('the home directory', () => {
    const { project, root } = exampleProject();
    const home = join(root, 'home');
    mkdirSync(home);
    writeFileSync(join(home, MARKER), 'thrice\n');
    writeFileSync(join(home, '.bashrc'), 'mine\n');
    expectOneLineRefusal(thrice(['compile', 'dc1.yaml', '-o', home], { cwd: project, env: { HOME: home } }));
    expect(snapshot(home).get('.bashrc')).toBe('mine\n');
  });

  it('the working directory and its ancestors', () => {
    const { project } = exampleProject();
    const cwd = join(project, 'work', 'deep');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(cwd, MARKER), 'thrice\n');
    writeFileSync(join(cwd, 'mine.txt'), 'mine\n');
    for (const out of ['.', '..', dirname(dirname(cwd))]) {
      expectOneLineRefusal(thrice(['compile', join(project, 'dc1.yaml'), '-o', out], { cwd }));
    }
    expect(snapshot(cwd).get('mine.txt')).toBe('mine\n');
  });

  it('an empty name (-o "")', () => {
    const { project } = exampleProject();
    const run = thrice(['compile', 'dc1.yaml', '-o', ''], { cwd: project });
    expectOneLineRefusal(run);
    expect(run.stderr).not.toMatch(/:\s+is not empty/);
  });

  it('a sibling output directory is still fine', () => {
    const { project } = exampleProject();
    const run = thrice(['compile', 'dc1.yaml', '-o', 'out'], { cwd: project });
    expect(run.status, run.stderr).toBe(0);
    expect(thrice(['compile', 'dc1.yaml', '-o', 'out'], { cwd: project }).status).toBe(0);
  });
});
