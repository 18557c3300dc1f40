// What `lab up --kernel vm` needs from this machine (qemu, a kernel, a static busybox, the built CLI), with what to do about each gap.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../package-root.js';
import { type Requirement, checkRequirements, onPath } from '../requirements.js';
import { KERNEL_ROOTS, findVmKernel } from './vm-kernel.js';
import { staticBusybox } from './vm-image.js';

const INSTALL = 'sh scripts/install-system-deps.sh (as root) installs it';

/** The CLI the guest runs: the built JavaScript (a TypeScript loader takes a minute to start under emulation). */
export function guestCli(): string {
  return join(packageRoot(), 'dist', 'src', 'cli', 'main.js');
}

export function checkVmRequirements(): Requirement[] {
  return [
    // Root inside the guest is root of the guest only; here root is what lets qemu hand the guest's FRR its files (9p passthrough).
    ...checkRequirements({ capture: false }).filter((r) => r.what.startsWith('root')),
    { ok: onPath('qemu-system-x86_64'), what: '`qemu-system-x86_64` on PATH', fix: "install Debian's qemu-system-x86 (apt-get install --no-install-recommends qemu-system-x86)" },
    { ok: findVmKernel() !== undefined, what: `a kernel image with its module tree (under ${KERNEL_ROOTS.join(' or ')})`, fix: `Debian's linux-image-amd64; ${INSTALL} unpacked in ${KERNEL_ROOTS[0]}` },
    { ok: staticBusybox() !== undefined, what: 'a statically linked busybox at /bin/busybox (the VM\'s init)', fix: "install Debian's busybox-static" },
    { ok: existsSync(guestCli()), what: `the built CLI (${guestCli()}), which the VM runs`, fix: 'npm run build' },
  ];
}

/** qemu splits its options at commas and the kernel its command line at blanks: the lab directory may hold neither. */
export function vmDirProblem(dir: string): string | undefined {
  return /[,\s]/.test(dir) ? `the lab directory ${dir} holds a comma or a blank, which qemu's options cannot carry; pick another --dir for --kernel vm` : undefined;
}
