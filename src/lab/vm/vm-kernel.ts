// Finds a kernel for the lab VM: Debian's image and its module tree, unpacked by scripts/install-system-deps.sh or installed.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface VmKernel {
  readonly version: string;
  /** The bzImage (`/boot/vmlinuz-<version>`). */
  readonly image: string;
  /** `/lib/modules/<version>`, with modules.dep. */
  readonly modules: string;
}

/** Where install-system-deps.sh unpacks linux-image-amd64; then an installed kernel (`/boot`, `/lib/modules`). */
export const KERNEL_ROOTS: readonly string[] = ['/var/cache/thrice/vm-kernel', '/'];

/** The newest kernel with both an image and an indexed module tree, under the first root that has one. */
export function findVmKernel(roots: readonly string[] = KERNEL_ROOTS): VmKernel | undefined {
  for (const root of roots) {
    const boot = join(root, 'boot');
    if (!existsSync(boot)) continue;
    const versions = readdirSync(boot)
      .filter((f) => f.startsWith('vmlinuz-'))
      .map((f) => f.slice('vmlinuz-'.length))
      .filter((v) => existsSync(join(root, 'lib', 'modules', v, 'modules.dep')))
      .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
    const version = versions[0];
    if (version) return { version, image: join(boot, `vmlinuz-${version}`), modules: join(root, 'lib', 'modules', version) };
  }
  return undefined;
}
