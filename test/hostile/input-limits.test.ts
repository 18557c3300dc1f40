// Issue 8.5: only regular files are read, never past the size limit; nothing blocks or exhausts memory.
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codesOf, exampleProject, expectNoStackTrace, expectOneLineRefusal, thrice } from './hostile-fixtures.js';

function sparseFile(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

describe('the spec', () => {
  it('a FIFO is refused at once instead of blocking forever', () => {
    const { project } = exampleProject();
    execFileSync('mkfifo', [join(project, 'fifo.yaml')]);
    const started = Date.now();
    expectOneLineRefusal(thrice(['validate', 'fifo.yaml'], { cwd: project, timeoutMs: 20_000 }));
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('/dev/zero is refused instead of aborting the process', () => {
    expectOneLineRefusal(thrice(['validate', '/dev/zero'], { timeoutMs: 20_000 }));
  });

  it('a directory is refused', () => {
    const { project } = exampleProject();
    expectOneLineRefusal(thrice(['validate', 'k8s'], { cwd: project }));
  });

  it('a spec over the limit is refused before it is read; --max-input-size raises the limit', () => {
    const { project } = exampleProject();
    sparseFile(join(project, 'huge.yaml'), 33 * 1024 * 1024);
    const started = Date.now();
    expectOneLineRefusal(thrice(['validate', 'huge.yaml'], { cwd: project }));
    expect(Date.now() - started).toBeLessThan(10_000);
    const small = thrice(['validate', 'dc1.yaml', '--max-input-size', '0.001'], { cwd: project });
    expectOneLineRefusal(small);
    expect(thrice(['validate', 'dc1.yaml', '--max-input-size', '64'], { cwd: project }).status).toBe(0);
    expect(thrice(['--max-input-size', '64', 'validate', 'dc1.yaml'], { cwd: project }).status).toBe(0);
  });

  it('a nonsensical --max-input-size is a usage error', () => {
    const { project } = exampleProject();
    const run = thrice(['validate', 'dc1.yaml', '--max-input-size', 'lots'], { cwd: project });
    expect(run.status).toBe(2);
    expectNoStackTrace(run);
  });
});

describe('manifests', () => {
  const patternAt = '75:17';
  const withPattern = (pattern: string) => {
    const fixture = exampleProject();
    const text = readFileSync(fixture.spec, 'utf8').replace('manifests: [k8s/*.yaml]', `manifests: ['${pattern}']`);
    writeFileSync(fixture.spec, text);
    return fixture;
  };

  it('a FIFO named as a manifest is a located error, not a hang (globs match regular files only)', () => {
    const { project } = withPattern('k8s/pipe.yaml');
    execFileSync('mkfifo', [join(project, 'k8s', 'pipe.yaml')]);
    const run = thrice(['validate', 'dc1.yaml', '--format', 'json'], { cwd: project, timeoutMs: 20_000 });
    expect(run.status).toBe(1);
    expect(codesOf(run).some((c) => c === `manifest-unreadable ${patternAt}` || c === `manifest-not-found ${patternAt}`)).toBe(true);
  });

  it('a FIFO beside other manifests is never opened', () => {
    const { project } = withPattern('k8s/*.yaml');
    execFileSync('mkfifo', [join(project, 'k8s', 'pipe.yaml')]);
    const run = thrice(['validate', 'dc1.yaml'], { cwd: project, timeoutMs: 20_000 });
    expect(run.status, run.stderr).toBe(0);
  });

  it('a manifest over the limit is a located error', () => {
    const { project } = withPattern('k8s/*.yaml');
    sparseFile(join(project, 'k8s', 'huge.yaml'), 40 * 1024 * 1024);
    const run = thrice(['validate', 'dc1.yaml', '--format', 'json'], { cwd: project });
    expect(run.status).toBe(1);
    expect(codesOf(run)).toContain(`manifest-unreadable ${patternAt}`);
  });
});
