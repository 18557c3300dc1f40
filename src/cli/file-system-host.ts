// The compiler host the CLI gives the pipeline: manifest globs resolved relative to the spec's directory.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { globSync } from 'tinyglobby';
import type { CompilerHost } from '../compile/load-cluster-manifests.js';

export function fileSystemHost(specPath: string, display: (path: string) => string = (p) => p): CompilerHost {
  const base = dirname(specPath);
  return {
    readManifests(pattern) {
      try {
        const matches = globSync(pattern, { cwd: base, onlyFiles: true, expandDirectories: false }).sort();
        return matches.map((m) => {
          const path = join(base, m);
          return { file: display(path), text: readFileSync(path, 'utf8') };
        });
      } catch (error) {
        return { error: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
      }
    },
  };
}

