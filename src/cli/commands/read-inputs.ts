// Reads the spec and its lock file for a command; unreadable input is a usage error (exit 2), not a diagnostic.
import { existsSync, readFileSync } from 'node:fs';
import type { PipelineInput } from '../../compile/pipeline.js';
import { displayPath } from '../report.js';
import { lockPathFor } from '../lock-path.js';
import { fileSystemHost } from '../file-system-host.js';
import type { CompilerHost } from '../../compile/load-cluster-manifests.js';

export type ReadInputs = { ok: true; input: PipelineInput; lockPath: string; sources: Map<string, string> } | { ok: false };

export function readInputs(specPath: string): ReadInputs {
  const file = displayPath(specPath);
  let text: string;
  try {
    text = readFileSync(specPath, 'utf8');
  } catch (error) {
    process.stderr.write(`thrice: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return { ok: false };
  }
  const lockPath = lockPathFor(specPath);
  const sources = new Map([[file, text]]);
  let lock: PipelineInput['lock'];
  if (existsSync(lockPath)) {
    try {
      const lockText = readFileSync(lockPath, 'utf8');
      lock = { file: displayPath(lockPath), text: lockText };
      sources.set(lock.file, lockText);
    } catch (error) {
      process.stderr.write(`thrice: cannot read ${displayPath(lockPath)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      return { ok: false };
    }
  }
  // Manifest sources are added to `sources` as they are read, so text diagnostics can show their lines.
  const host = fileSystemHost(specPath, displayPath);
  const recordingHost: CompilerHost = {
    readManifests(pattern) {
      const found = host.readManifests(pattern);
      if (!('error' in found)) for (const f of found) sources.set(f.file, f.text);
      return found;
    },
  };
  return { ok: true, input: { spec: { file, text }, lock, host: recordingHost }, lockPath, sources };
}
