// The lab VM's qemu command line: no network device, the machine's root read-only, the lab directory the only writable share.
import { describe, expect, it } from 'vitest';
import { qemuArguments, vmPaths } from '../../../src/lab/vm/vm-machine.js';
import { isStaticElf, staticBusybox } from '../../../src/lab/vm/vm-image.js';
import { vmDirProblem } from '../../../src/lab/vm/vm-requirements.js';
import { existsSync } from 'node:fs';

describe('qemuArguments', () => {
  const dir = '/tmp/thrice-lab/x';
  const args = qemuArguments(vmPaths(dir), { kernel: '/k/vmlinux', initramfs: '/k/initramfs.cpio' }, { version: '6.1.0-57-amd64', image: '/b/vmlinuz', modules: '/m/6.1' }, dir);
  const values = (flag: string): string[] => args.flatMap((a, i) => (a === flag ? [args[i + 1] ?? ''] : []));

  it('gives the guest no network device and no default devices', () => {
    expect(args).toContain('-nodefaults');
    expect(values('-nic')).toEqual(['none']);
    expect(args.some((a) => /netdev|virtio-net|e1000/.test(a))).toBe(false);
  });

  it('shares the root read-only and only the lab directory read-write', () => {
    const shares = values('-virtfs');
    expect(shares).toHaveLength(2);
    expect(shares[0]).toMatch(/^local,path=\/,mount_tag=hostroot,.*readonly=on/);
    expect(shares[1]).toMatch(new RegExp(`^local,path=${dir},mount_tag=lab,`));
  });

  it('keeps its sockets, console and pid file in the lab directory, and tells the guest where the modules are', () => {
    for (const path of [...values('-pidfile'), ...values('-monitor'), ...values('-chardev')].filter((v) => v.includes('/'))) expect(path).toContain(`${dir}/vm/`);
    expect(values('-append')[0]).toContain('thrice.moddir=/m/6.1');
    expect(args).toContain('-no-reboot');
  });

  it('refuses a lab directory qemu or the kernel command line would split', () => {
    expect(vmDirProblem('/tmp/a,b')).toBeDefined();
    expect(vmDirProblem('/tmp/a b')).toBeDefined();
    expect(vmDirProblem('/tmp/thrice-lab/x')).toBeUndefined();
  });
});

describe('staticBusybox', () => {
  it('tells a static binary from a dynamic one', () => {
    expect(isStaticElf(process.execPath)).toBe(false);
    const busybox = staticBusybox();
    if (busybox) expect(isStaticElf(busybox)).toBe(true);
    else expect(existsSync('/bin/busybox') && isStaticElf('/bin/busybox')).toBe(false);
  });
});
