// `thrice lab` on the command line: usage, a spec with errors, a directory that is not a lab's; none of it creates anything.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { THREE_LAYER } from './lab-fixtures.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'thrice-lab-cli-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('thrice lab (command line)', () => {
  it('lists its five subcommands', () => {
    const run = runCli(['lab', '--help']);
    expect(run.status).toBe(0);
    for (const sub of ['up', 'verify', 'status', 'exec', 'down']) expect(run.stdout).toMatch(new RegExp(`^  ${sub} `, 'm'));
  });

  it('refuses a kernel it does not know, a VM lab directory qemu would split, and exec where no VM lab is recorded', () => {
    const dir = tempDir();
    expect(runCli(['lab', 'up', THREE_LAYER, '--kernel', 'bogus', '--dir', join(dir, 'lab')])).toMatchObject({ status: 2, stderr: expect.stringContaining('Allowed choices are host, vm') });
    const split = join(dir, 'a,b');
    expect(runCli(['lab', 'up', THREE_LAYER, '--kernel', 'vm', '--dir', split])).toMatchObject({ status: 2, stderr: expect.stringContaining('comma or a blank') });
    expect(existsSync(split)).toBe(false);
    expect(runCli(['lab', 'exec', '--dir', dir, '--', 'true'])).toMatchObject({ status: 2, stderr: expect.stringContaining(`no lab recorded in ${dir}`) });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('down where no lab is recorded does nothing and says so', () => {
    const dir = tempDir();
    const run = runCli(['lab', 'down', '--dir', dir]);
    expect(run).toMatchObject({ status: 0 });
    expect(run.stdout).toContain(`no lab recorded in ${dir}`);
  });

  it('verify and status where no lab is recorded are usage errors', () => {
    const dir = tempDir();
    expect(runCli(['lab', 'verify', '--dir', dir])).toMatchObject({ status: 2, stderr: expect.stringContaining('run `thrice lab up <spec>` first') });
    expect(runCli(['lab', 'status', '--dir', dir]).status).toBe(1);
  });

  it('up on a spec with errors reports them located and creates nothing', () => {
    const dir = tempDir();
    const spec = join(dir, 'bad.yaml');
    writeFileSync(spec, 'thrice: 1\nname: bad\nfabric:\n  loopbacks: 10.255.0.0/16\n  asn: {spine: 65000, leaf: 65100-65199}\n  spines: 2\n  leaves: [leaf1, leaf1]\n');
    const lab = join(dir, 'lab');
    const run = runCli(['lab', 'up', spec, '--dir', lab]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bad\.yaml:\d+:\d+: error /);
    expect(existsSync(lab)).toBe(false);
  });

  it('up refuses a lab name that cannot prefix namespaces', () => {
    const run = runCli(['lab', 'up', THREE_LAYER, '--name', 'Not_A_Name']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('lab name "Not_A_Name"');
  });

  // A usage error (exit 2, as compile's refusal of such a directory), checked before root and tools are.
  it('up refuses a non-empty directory that holds no lab, and leaves it as it was', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');
    const run = runCli(['lab', 'up', THREE_LAYER, '--dir', dir, '--name', 't3cli']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is not empty and holds no lab-state.json');
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });
});
