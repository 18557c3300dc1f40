// Finding the lab VM's kernel: the newest image whose module tree is indexed, under the first root that has one.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findVmKernel } from '../../../src/lab/vm/vm-kernel.js';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

function root(kernels: Record<string, boolean>): string {
  const dir = mkdtempSync(join(tmpdir(), 'thrice-vm-kernel-'));
  made.push(dir);
  mkdirSync(join(dir, 'boot'));
  for (const [version, indexed] of Object.entries(kernels)) {
    writeFileSync(join(dir, 'boot', `vmlinuz-${version}`), '');
    mkdirSync(join(dir, 'lib', 'modules', version), { recursive: true });
    if (indexed) writeFileSync(join(dir, 'lib', 'modules', version, 'modules.dep'), '');
  }
  return dir;
}

describe('findVmKernel', () => {
  it('takes the newest indexed version, comparing numbers as numbers', () => {
    const dir = root({ '6.1.0-9-amd64': true, '6.1.0-57-amd64': true, '6.1.0-60-amd64': false });
    expect(findVmKernel([dir])).toEqual({
      version: '6.1.0-57-amd64',
      image: join(dir, 'boot', 'vmlinuz-6.1.0-57-amd64'),
      modules: join(dir, 'lib', 'modules', '6.1.0-57-amd64'),
    });
  });

  it('prefers the first root with a kernel and finds none where no root has one', () => {
    const empty = root({ '6.1.0-1-amd64': false });
    const full = root({ '6.1.0-2-amd64': true });
    expect(findVmKernel([join(empty, 'missing'), empty, full])?.version).toBe('6.1.0-2-amd64');
    expect(findVmKernel([empty])).toBeUndefined();
  });
});
