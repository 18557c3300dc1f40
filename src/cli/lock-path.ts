// Where the lock file of a spec lives: `dc1.yaml` → `dc1.lock.yaml`, next to the spec.
import { basename, dirname, join } from 'node:path';

export function lockPathFor(specPath: string): string {
  const base = basename(specPath).replace(/\.(ya?ml|json)$/i, '');
  return join(dirname(specPath), `${base}.lock.yaml`);
}
