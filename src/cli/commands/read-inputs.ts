// Reads the spec and its lock file for a command; unreadable input is a usage error (exit 2), not a diagnostic.
import { lstatSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PipelineInput } from '../../compile/pipeline.js';
import { displayPath } from '../report.js';
import { lockPathFor } from '../lock-path.js';
import { fileSystemHost } from '../file-system-host.js';
import type { CompilerHost } from '../../compile/load-cluster-manifests.js';
import { DEFAULT_MAX_INPUT_MIB, readInputFile } from '../read-input-file.js';
import { isInside, realPathOf } from '../inside-directory.js';

export interface InputOptions {
  /** The size limit for the spec, its lock file and each manifest, in MiB. */
  readonly maxInputSize?: number;
}

export interface InputFiles {
  readonly input: PipelineInput;
  readonly lockPath: string;
  /** The text of every file diagnostics may quote: the spec, the lock file and the manifests thrice accepted. */
  readonly sources: Map<string, string>;
  /** Every file the compile read (resolved), so that no output directory may swallow one of them. */
  readonly readPaths: ReadonlySet<string>;
}

export type ReadInputs = ({ ok: true } & InputFiles) | { ok: false };

export function readInputs(specPath: string, opts: InputOptions = {}): ReadInputs {
  const maxBytes = Math.round((opts.maxInputSize ?? DEFAULT_MAX_INPUT_MIB) * 1024 * 1024);
  const file = displayPath(specPath);
  const spec = readInputFile(specPath, maxBytes);
  if (!spec.ok) return refuse(`cannot read ${file}: ${spec.problem}`);
  const readPaths = new Set([realPathOf(specPath)]);
  const lockPath = lockPathFor(specPath);
  const sources = new Map([[file, spec.text]]);
  let lock: PipelineInput['lock'];
  if (exists(lockPath)) {
    // The lock file comes with the spec (a pull request may replace it by a link to a secret).
    const real = realPathOf(lockPath);
    if (!isInside(realPathOf(dirname(specPath)), real)) return refuse(`refusing to read ${displayPath(lockPath)}: it is a symbolic link leading outside the spec's directory`);
    const read = readInputFile(lockPath, maxBytes);
    if (!read.ok) return refuse(`cannot read ${displayPath(lockPath)}: ${read.problem}`);
    lock = { file: displayPath(lockPath), text: read.text };
    sources.set(lock.file, read.text);
    readPaths.add(real);
  }
  // Manifest sources are added to `sources` as they are accepted, so text diagnostics can show their lines.
  const host = fileSystemHost(specPath, { display: displayPath, maxInputBytes: maxBytes });
  const recordingHost: CompilerHost = {
    readManifests(pattern) {
      const found = host.readManifests(pattern);
      if (!('error' in found)) {
        for (const f of found) {
          sources.set(f.file, f.text);
          readPaths.add(realPathOf(f.file));
        }
      }
      return found;
    },
    // A secret's text is never added to `sources`: diagnostics must not quote it.
    readSecretFile(path) {
      const found = host.readSecretFile?.(path) ?? { code: 'bgp-password-missing', error: 'cannot be read' };
      if (!('error' in found)) readPaths.add(realPathOf(join(dirname(specPath), path)));
      return found;
    },
    readEnv: (name) => host.readEnv?.(name),
  };
  return { ok: true, input: { spec: { file, text: spec.text }, lock, host: recordingHost }, lockPath, sources, readPaths };
}

function refuse(message: string): { ok: false } {
  process.stderr.write(`thrice: ${message}\n`);
  return { ok: false };
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
