// The state file: written through on every change, read back as written, refusing other versions.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LabStateFile, STATE_VERSION, emptyState, readState, statePath } from '../../src/lab/lab-state.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'thrice-lab-state-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('lab state file', () => {
  it('is on disk from the start, and every record is written before the caller goes on', () => {
    const dir = tempDir();
    const state = new LabStateFile(dir, emptyState({ name: 'lt', dir, spec: '/x.yaml', specHash: 'h' }));
    const onDisk = () => JSON.parse(readFileSync(statePath(dir), 'utf8'));
    expect(onDisk()).toMatchObject({ version: STATE_VERSION, name: 'lt', phase: 'building', namespaces: [], paths: [dir] });
    state.addNamespace('lt-leaf1');
    expect(onDisk().namespaces).toEqual(['lt-leaf1']);
    state.addMount(join(dir, 'netns'));
    state.addProcess({ role: 'zebra', device: 'leaf1', netns: 'lt-leaf1', pidFile: join(dir, 'zebra.pid') });
    expect(onDisk().processes).toEqual([{ role: 'zebra', device: 'leaf1', netns: 'lt-leaf1', pidFile: join(dir, 'zebra.pid') }]);
    state.update(() => ({ phase: 'up' }));
    expect(readState(dir)).toEqual(state.state);
  });

  it('fills in a daemon pid once known, and forgets a process that ended', () => {
    const dir = tempDir();
    const state = new LabStateFile(dir, emptyState({ name: 'lt', dir, spec: '/x.yaml', specHash: 'h' }));
    const pidFile = join(dir, 'bgpd.pid');
    state.addProcess({ role: 'bgpd', device: 'spine1', netns: 'lt-spine1', pidFile });
    state.addProcess({ role: 'listener', device: 'lt-pg-1', netns: 'lt-pg-1', pid: 42, startTime: 7 });
    state.setProcess((p) => p.pidFile === pidFile, { role: 'bgpd', device: 'spine1', netns: 'lt-spine1', pidFile, pid: 100, startTime: 5 });
    state.setProcess((p) => p.pid === 42, undefined);
    expect(readState(dir)?.processes).toEqual([{ role: 'bgpd', device: 'spine1', netns: 'lt-spine1', pidFile, pid: 100, startTime: 5 }]);
  });

  it("records a VM lab's qemu and guest directory, and refuses a guest directory outside the guest's lab root", () => {
    const dir = tempDir();
    const vm = { kernel: '6.1.0-57-amd64', innerDir: '/run/thrice-lab/lt' };
    const state = new LabStateFile(dir, { ...emptyState({ name: 'lt', dir, spec: '/x.yaml', specHash: 'h' }), vm });
    state.addProcess({ role: 'vm', device: 'qemu', netns: '', pidFile: join(dir, 'vm', 'qemu.pid') });
    expect(readState(dir)).toEqual(state.state);
    writeFileSync(statePath(dir), JSON.stringify({ ...state.state, vm: { ...vm, innerDir: '/etc' } }));
    expect(() => readState(dir)).toThrow(/vm is not what up records/);
  });

  it('reads nothing where no lab is recorded, and refuses a state of another version', () => {
    const dir = tempDir();
    expect(readState(dir)).toBeUndefined();
    writeFileSync(statePath(dir), JSON.stringify({ ...emptyState({ name: 'lt', dir, spec: '', specHash: '' }), version: 99 }));
    expect(() => readState(dir)).toThrow(/version 99/);
  });
});
