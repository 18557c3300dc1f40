// Builds what qemu boots for the lab VM into the lab directory: the initramfs (busybox, boot modules, feature modules, init, agent) and the uncompressed kernel.
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { VmKernel } from './vm-kernel.js';
import { moduleClosure, parseModuleIndex } from './module-closure.js';
import { GUEST_INIT, GUEST_STAGE2 } from './guest-init-source.js';
import { GUEST_AGENT } from './guest-agent-source.js';
import { LabError } from '../lab-error.js';

/** What /init loads by hand, from the initramfs, to reach the machine's root: virtio, the 9p transport, overlayfs, the serial port. */
export const BOOT_MODULES = ['virtio_pci', '9pnet_virtio', '9p', 'overlay', 'virtio_console'];

/**
 * What the lab and the generated outputs need from the kernel, loaded before switch_root with a single modprobe
 * (one process per module costs about 0.1 s under emulation). crc32c_generic first: libcrc32c needs the algorithm,
 * a soft dependency modules.dep does not carry. br_netfilter is left out on purpose: it hands bridged IP packets to
 * iptables and re-injects them after the bridge hooks at priority 0, which nft bridge chains at that priority never see.
 */
export const FEATURE_MODULES = [
  'crc32c_generic', 'vrf', '8021q', 'vxlan', 'bridge', 'veth', 'dummy',
  'nf_conntrack', 'nf_conntrack_bridge', 'nf_conntrack_netlink', 'nf_tables', 'nft_ct', 'nft_nat', 'nft_chain_nat', 'nft_masq',
  'nft_reject_inet', 'nft_reject_bridge', 'nft_meta_bridge', 'nft_fib_inet', 'nft_limit', 'nft_log',
];

export interface VmImage {
  readonly kernel: string;
  readonly initramfs: string;
}

/** A statically linked busybox (Debian's busybox-static), the initramfs's only program. */
export function staticBusybox(candidates: readonly string[] = ['/bin/busybox', '/usr/bin/busybox']): string | undefined {
  return candidates.find((path) => existsSync(path) && isStaticElf(path));
}

const ELF_MAGIC = 0x7f454c46;

/** `length` bytes of a file from `position` (zeros past its end), without reading the rest. */
function readAt(path: string, position: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.alloc(length);
    readSync(fd, bytes, 0, length, position);
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** An ELF without a PT_INTERP program header needs no dynamic loader. */
export function isStaticElf(path: string): boolean {
  const header = readAt(path, 0, 64);
  if (header.readUInt32BE(0) !== ELF_MAGIC || header[4] !== 2) return false;
  const phentsize = header.readUInt16LE(54);
  const phnum = header.readUInt16LE(56);
  const table = readAt(path, Number(header.readBigUInt64LE(32)), phentsize * phnum);
  for (let i = 0; i < phnum; i++) if (table.readUInt32LE(i * phentsize) === 3) return false;
  return true;
}

export function buildVmImage(kernel: VmKernel, busybox: string, dir: string): VmImage {
  mkdirSync(dir, { recursive: true });
  const index = parseModuleIndex(readFileSync(join(kernel.modules, 'modules.dep'), 'utf8'), readText(join(kernel.modules, 'modules.builtin')));
  const boot = moduleClosure(index, BOOT_MODULES);
  const features = moduleClosure(index, FEATURE_MODULES);
  const unknown = [...boot.unknown, ...features.unknown];
  if (unknown.length > 0) throw new LabError(`kernel ${kernel.version} has no module ${unknown.join(', ')} (in ${kernel.modules})`);
  const stage = join(dir, 'initramfs');
  rmSync(stage, { recursive: true, force: true });
  for (const sub of ['bin', 'modules', 'dev', 'proc', 'sys', 'etc/modprobe.d']) mkdirSync(join(stage, sub), { recursive: true });
  copyFileSync(busybox, join(stage, 'bin', 'busybox'));
  chmodSync(join(stage, 'bin', 'busybox'), 0o755);
  const pathOf = (name: string): string => index.modules.get(name)?.path ?? '';
  for (const name of boot.order) copyFileSync(join(kernel.modules, pathOf(name)), join(stage, 'modules', `${name}.ko`));
  writeFileSync(join(stage, 'boot.order'), boot.order.join('\n') + '\n');
  // A module tree of the feature modules alone, with their lines of modules.dep, for busybox modprobe.
  const tree = join(stage, 'lib', 'modules', kernel.version);
  const depLines = readFileSync(join(kernel.modules, 'modules.dep'), 'utf8').split('\n');
  const kept = new Set(features.order.map(pathOf));
  for (const path of kept) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    copyFileSync(join(kernel.modules, path), join(tree, path));
  }
  writeFileSync(join(tree, 'modules.dep'), depLines.filter((l) => kept.has(l.split(':')[0] ?? '')).join('\n') + '\n');
  writeFileSync(join(stage, 'features.list'), FEATURE_MODULES.filter((m) => !index.builtin.has(m)).join(' ') + '\n');
  // Loading dummy would otherwise create dummy0 in the VM's namespace.
  writeFileSync(join(stage, 'etc', 'modprobe.d', 'thrice.conf'), 'options dummy numdummies=0\n');
  writeFileSync(join(stage, 'init'), GUEST_INIT, { mode: 0o755 });
  writeFileSync(join(stage, 'stage2.sh'), GUEST_STAGE2);
  writeFileSync(join(stage, 'agent.cjs'), GUEST_AGENT);
  const initramfs = join(dir, 'initramfs.cpio');
  // Uncompressed: the kernel unpacks it fastest, and it never leaves this machine.
  shell('cd "$1" && find . | "$2" cpio -o -H newc > "$3" 2>/dev/null', [stage, busybox, initramfs], 'cannot pack the initramfs');
  rmSync(stage, { recursive: true, force: true });
  return { kernel: extractVmlinux(kernel.image, join(dir, 'vmlinux')) ?? kernel.image, initramfs };
}

/**
 * The ELF inside the bzImage (one xz stream): qemu then enters it directly (PVH), with no firmware and no
 * decompression in the guest, about 5 s less under emulation. Undefined (boot the bzImage) without xz or an xz payload.
 */
function extractVmlinux(image: string, target: string): string | undefined {
  const bytes = readFileSync(image);
  const offset = bytes.indexOf(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]));
  if (offset < 0) return undefined;
  // xz complains about the size trailer after the stream; the output is whole nonetheless.
  spawnSync('sh', ['-c', 'tail -c +"$1" "$2" | xz -dc > "$3" 2>/dev/null', 'sh', String(offset + 1), image, target]);
  const ok = existsSync(target) && readAt(target, 0, 4).readUInt32BE(0) === ELF_MAGIC;
  if (!ok) rmSync(target, { force: true });
  return ok ? target : undefined;
}

function shell(script: string, args: readonly string[], what: string): void {
  const r = spawnSync('sh', ['-c', script, 'sh', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new LabError(`${what}: ${(r.stderr || r.error?.message || '').trim()}`);
}

function readText(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}
