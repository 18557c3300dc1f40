// Writes the compiled outputs a lab runs into its directory, as `thrice compile` would write them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../emit/emitter.js';

export function writeLabOutputs(outDir: string, files: readonly OutputFile[]): void {
  for (const file of files) {
    const path = join(outDir, ...file.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.contents, { mode: file.executable ? 0o755 : 0o644 });
  }
}
