// The compiler host the CLI gives the pipeline: manifest globs resolved inside the spec's directory tree, and nowhere else.
import * as fs from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import picomatch from 'picomatch';
import type { CompilerHost, ManifestRead, SecretRead } from '../compile/load-cluster-manifests.js';
import { isInside, realPathOf } from './inside-directory.js';
import { fsCause } from './fs-error.js';
import { DEFAULT_MAX_INPUT_MIB, readInputFile } from './read-input-file.js';

export interface FileSystemHostOptions {
  /** How a file is named in diagnostics (the CLI: relative to the working directory). */
  readonly display?: (path: string) => string;
  /** The size limit for one manifest file, in bytes. */
  readonly maxInputBytes?: number;
  /** Where `{env: NAME}` secrets come from (the CLI: its own environment). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A password is one short line; anything bigger is not one, and is not read further. */
const MAX_SECRET_BYTES = 4096;

/**
 * A spec comes from a pull request, so its patterns are untrusted: they may name files only inside the
 * spec's directory tree. Patterns that are absolute or climb with `..` are refused before any search;
 * every match is resolved (symbolic links followed) and refused when it lands outside; symbolic links
 * met during the search that lead outside are never followed; files are read only when regular and
 * within the size limit. A refused file is named, never read.
 */
export function fileSystemHost(specPath: string, options: FileSystemHostOptions = {}): CompilerHost {
  const display = options.display ?? ((p: string) => p);
  const maxBytes = options.maxInputBytes ?? DEFAULT_MAX_INPUT_MIB * 1024 * 1024;
  const base = dirname(specPath);
  const root = realPathOf(base);
  return {
    readManifests(pattern): ManifestRead {
      if (climbsOut(pattern)) {
        return { code: 'manifest-outside-project', error: `is outside the spec's directory (patterns are relative to ${display(base) || '.'} and may not be absolute or contain "..")` };
      }
      const escapes: Escape[] = [];
      let matches: string[];
      try {
        matches = globSync(pattern, { cwd: base, onlyFiles: true, expandDirectories: false, fs: guardedFs(root, escapes) }).sort();
      } catch (error) {
        return { error: `cannot be searched (${fsCause(error)})` };
      }
      const escaped = escapes
        .map((e) => ({ ...e, path: relative(resolve(base), e.path).split(sep).join('/') }))
        .filter((e) => (e.directory ? couldEnter(pattern, e.path) : picomatch.isMatch(e.path, pattern)))
        .map((e) => e.path);
      if (escaped.length > 0) return outside(escaped.sort()[0] as string);
      const files = [];
      for (const match of matches) {
        const path = join(base, match);
        const real = realPathOf(path);
        if (!isInside(root, real)) return outside(match);
        const read = readInputFile(real, maxBytes);
        if (!read.ok) return { code: 'manifest-unreadable', error: `matches ${match}, which cannot be read: ${read.problem}` };
        files.push({ file: display(path), path: relative(base, path).split(sep).join('/'), text: read.text });
      }
      return files;
    },
    readSecretFile(path): SecretRead {
      if (climbsOut(path)) {
        return { code: 'bgp-password-outside-project', error: `is outside the spec's directory (paths are relative to ${display(base) || '.'} and may not be absolute or contain "..")` };
      }
      const real = realPathOf(join(base, path));
      if (!isInside(root, real)) return { code: 'bgp-password-outside-project', error: "is a symbolic link leading outside the spec's directory; it was not read" };
      if (!fs.existsSync(real)) return { code: 'bgp-password-missing', error: 'does not exist' };
      const read = readInputFile(real, MAX_SECRET_BYTES);
      if (read.ok) return { text: read.text };
      const problem = read.problem.startsWith('larger') ? `larger than ${MAX_SECRET_BYTES} bytes` : read.problem;
      return { code: 'bgp-password-invalid', error: `cannot be read: ${problem}` };
    },
    readEnv(name) {
      return (options.env ?? process.env)[name];
    },
  };
}

/** An absolute path or pattern, or one with a `..` step: it names something outside the spec's directory. */
function climbsOut(path: string): boolean {
  return isAbsolute(path) || path.split(/[\\/]+/).includes('..');
}

function outside(match: string): ManifestRead {
  return { code: 'manifest-outside-project', error: `matches ${match}, a symbolic link leading outside the spec's directory; it was not read` };
}

/** A symbolic link the search met that leads outside the project. */
interface Escape {
  readonly path: string;
  readonly directory: boolean;
}

/** Whether files matching `pattern` could lie below `dir`: its segments match the pattern's leading ones, or meet a `**`. */
function couldEnter(pattern: string, dir: string): boolean {
  const wanted = pattern.split('/');
  const segments = dir.split('/');
  for (const [i, segment] of segments.entries()) {
    const glob = wanted[i];
    if (glob === undefined) return false;
    if (glob.includes('**')) return true;
    if (!picomatch.isMatch(segment, glob)) return false;
  }
  return wanted.length > segments.length;
}

/** The glob library's file system, except that a symbolic link leading outside `root` is recorded and not followed. */
function guardedFs(root: string, escapes: Escape[]): Partial<typeof fs> {
  const realpathSync = ((path: fs.PathLike) => {
    const real = fs.realpathSync(path);
    if (!isInside(root, real)) {
      escapes.push({ path: String(path).replace(/[\\/]+$/, ''), directory: isDirectory(real) });
      throw Object.assign(new Error(`${String(path)} leads outside the project`), { code: 'EXDEV' });
    }
    return real;
  }) as typeof fs.realpathSync;
  const realpath = ((path: fs.PathLike, callback: (error: Error | null, real?: string) => void) => {
    try {
      callback(null, realpathSync(path));
    } catch (error) {
      callback(error as Error);
    }
  }) as unknown as typeof fs.realpath;
  return { realpathSync, realpath };
}

function isDirectory(path: string): boolean {
  try {
    return fs.statSync(path).isDirectory();
  } catch {
    return false;
  }
}
