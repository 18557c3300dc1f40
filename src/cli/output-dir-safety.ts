// Refuses output directories whose replacement would delete the user's files: the inputs, home, /, the working directory.
import { homedir } from 'node:os';
import { isInside, realPathOf } from './inside-directory.js';

/**
 * Replacing the output directory deletes everything in it, so it may not hold (or be) anything the compile
 * reads, nor be a directory whose loss is never intended. Paths are compared after resolving links.
 * Returns why the directory is refused, or undefined.
 */
export function outputDirProblem(dir: string, inputs: Iterable<string>, display: (path: string) => string): string | undefined {
  if (dir.trim() === '') return 'the output directory is empty (-o ""); name a directory, e.g. -o out';
  const real = realPathOf(dir);
  if (real === '/') return `${dir} is the root directory; refusing to replace it`;
  if (real === realPathOf(homedir())) return `${dir} is your home directory; refusing to replace it`;
  if (isInside(real, realPathOf(process.cwd()))) return `${dir} is the current directory or one of its ancestors; refusing to replace it`;
  for (const input of inputs) {
    if (isInside(real, input)) return `${dir} contains ${display(input)}, which this compile reads; choose an output directory that holds none of its inputs`;
  }
  return undefined;
}
