// Starts the lab VM: Debian's kernel under qemu (software emulation), the machine's root shared read-only, the lab directory read-write.
import { join } from 'node:path';
import type { VmImage } from './vm-image.js';
import type { VmKernel } from './vm-kernel.js';
import { runCommand } from '../run-command.js';
import { guestPath } from './guest-paths.js';

export interface VmPaths {
  readonly dir: string;
  /** qemu's socket for the agent's virtio-serial port. */
  readonly control: string;
  readonly monitor: string;
  /** The serial console: kernel messages and the guest's init and agent lines. */
  readonly console: string;
  readonly pidFile: string;
}

export function vmPaths(labDir: string): VmPaths {
  const dir = join(labDir, 'vm');
  return { dir, control: join(dir, 'control.sock'), monitor: join(dir, 'monitor.sock'), console: join(dir, 'console.log'), pidFile: join(dir, 'qemu.pid') };
}

export interface VmSize {
  readonly memoryMiB: number;
  readonly cpus: number;
}

export const DEFAULT_VM_SIZE: VmSize = { memoryMiB: 2048, cpus: 2 };

/**
 * The qemu command line. No network device at all (`-nodefaults -nic none`): the lab's traffic stays in namespaces
 * inside the guest. TCG, because KVM is not always there (and fails on some CPUs where /dev/kvm exists).
 * `security_model=passthrough` on the lab directory: the guest's FRR chowns its directories to user frr.
 */
export function qemuArguments(paths: VmPaths, image: VmImage, kernel: VmKernel, labDir: string, size: VmSize = DEFAULT_VM_SIZE): string[] {
  const append = ['console=ttyS0', 'loglevel=4', 'panic=-1', 'mitigations=off', `thrice.moddir=${kernel.modules}`, `thrice.share=${labDir}`, `thrice.node=${guestPath(process.execPath)}`];
  return [
    '-name', 'thrice-lab', '-nodefaults', '-no-user-config', '-accel', 'tcg', '-cpu', 'max', '-smp', String(size.cpus), '-m', String(size.memoryMiB),
    '-machine', 'pc', '-vga', 'none', '-display', 'none', '-nic', 'none', '-no-reboot',
    '-kernel', image.kernel, '-initrd', image.initramfs, '-append', append.join(' '),
    '-virtfs', 'local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap',
    '-virtfs', `local,path=${labDir},mount_tag=lab,security_model=passthrough,multidevs=remap`,
    '-device', 'virtio-serial-pci',
    '-chardev', `socket,id=control,path=${paths.control},server=on,wait=off`,
    '-device', 'virtserialport,chardev=control,name=thrice.ctl',
    '-chardev', `file,id=console,path=${paths.console}`, '-serial', 'chardev:console',
    '-monitor', `unix:${paths.monitor},server=on,wait=off`,
    '-pidfile', paths.pidFile, '-daemonize',
  ];
}

/** Starts qemu in the background; it writes its pid file before this returns. */
export function startVm(args: readonly string[]): void {
  runCommand('qemu-system-x86_64', args);
}
