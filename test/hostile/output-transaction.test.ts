// Issues 8.3 and 8.4: a failed write changes nothing (never outputs without their lock) and is one line, exit 2.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testNeeding } from '../emit/test-needing.js';
import { exampleProject, expectOneLineRefusal, giveToNobody, isRoot, nobodyCanRun, snapshot, tmpfs, thrice } from './hostile-fixtures.js';

const asRoot = testNeeding('root (tmpfs mounts)', isRoot);
const asNobody = testNeeding('a checkout that the nobody user can read (setpriv)', nobodyCanRun());
const unmounts: (() => void)[] = [];
afterEach(() => unmounts.splice(0).forEach((u) => u()));

/** Adds a leaf to the example, so that the next compile must allocate (and so write the lock file). */
function growFabric(spec: string): void {
  const text = readFileSync(spec, 'utf8');
  const grown = text.replace(/(\n  leaves:\n)/, '$1    - {name: leaf9, rack: r9}\n');
  expect(grown).not.toBe(text);
  writeFileSync(spec, grown);
}

describe('the lock file and the outputs change together or not at all', () => {
  asRoot('the lock cannot be written (read-only file system beside the spec): outputs unchanged', () => {
    const { project, root } = exampleProject();
    const out = join(root, 'out');
    expect(thrice(['compile', 'dc1.yaml', '-o', out], { cwd: project }).status).toBe(0);
    growFabric(join(project, 'dc1.yaml'));
    const before = snapshot(out);
    const lockBefore = readFileSync(join(project, 'dc1.lock.yaml'), 'utf8');
    // Remount the project read-only: the lock's directory refuses writes even to root.
    const ro = tmpfs('4m');
    unmounts.push(ro.unmount);
    cpSync(project, ro.dir, { recursive: true });
    spawnSync('mount', ['-o', 'remount,ro', ro.dir]);
    expectOneLineRefusal(thrice(['compile', 'dc1.yaml', '-o', out], { cwd: ro.dir }));
    expect(snapshot(out)).toEqual(before);
    expect(readFileSync(join(ro.dir, 'dc1.lock.yaml'), 'utf8')).toBe(lockBefore);
  });

  asRoot('the disk fills while writing outputs: previous outputs and lock unchanged, nothing staged left', () => {
    const disk = tmpfs('96k');
    unmounts.push(disk.unmount);
    const { project } = exampleProject(disk.dir);
    const out = join(disk.dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, '.thrice-output'), 'thrice\n');
    writeFileSync(join(out, 'old.txt'), 'previous output\n');
    const before = snapshot(disk.dir);
    expectOneLineRefusal(thrice(['compile', 'dc1.yaml', '-o', out], { cwd: project }));
    expect(snapshot(disk.dir)).toEqual(before);
  });

  asNobody('a read-only spec directory (permissions, as a non-root user): outputs unchanged', () => {
    const { project, root } = exampleProject();
    const out = join(root, 'out');
    giveToNobody(root);
    expect(thrice(['compile', 'dc1.yaml', '-o', out], { cwd: project, asNobody: true }).status).toBe(0);
    growFabric(join(project, 'dc1.yaml'));
    chmodSync(project, 0o555);
    const before = snapshot(out);
    expectOneLineRefusal(thrice(['compile', 'dc1.yaml', '-o', out], { cwd: project, asNobody: true }));
    expect(snapshot(out)).toEqual(before);
  });

  asNobody('a read-only output parent (permissions, as a non-root user)', () => {
    const { project, root } = exampleProject();
    giveToNobody(root);
    const parent = join(root, 'locked');
    mkdirSync(parent);
    giveToNobody(parent);
    chmodSync(parent, 0o555);
    expectOneLineRefusal(thrice(['compile', 'dc1.yaml', '-o', join(parent, 'out')], { cwd: project, asNobody: true }));
  });
});

describe('file-system errors are one line and exit 2', () => {
  it('a dangling symbolic link as -o', () => {
    const { project } = exampleProject();
    symlinkSync('/nonexistent/thrice-target', join(project, 'dangling'));
    expectOneLineRefusal(thrice(['compile', 'dc1.yaml', '-o', 'dangling'], { cwd: project }));
  });

  it('-o below a regular file', () => {
    const { project } = exampleProject();
    writeFileSync(join(project, 'afile'), 'x\n');
    expectOneLineRefusal(thrice(['compile', 'dc1.yaml', '-o', 'afile/sub'], { cwd: project }));
  });

  it('-o /proc/foo', () => {
    const { project } = exampleProject();
    expectOneLineRefusal(thrice(['compile', 'dc1.yaml', '-o', '/proc/thrice-foo'], { cwd: project }));
  });

  it('-o naming an existing regular file', () => {
    const { project } = exampleProject();
    writeFileSync(join(project, 'afile'), 'x\n');
    expectOneLineRefusal(thrice(['compile', 'dc1.yaml', '-o', 'afile'], { cwd: project }));
  });
});
