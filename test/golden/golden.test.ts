// Every example compiles to exactly its golden tree in test/golden/<example>/ (THRICE_UPDATE_GOLDEN=1 rewrites them).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTopology } from '../../src/compile/pipeline.js';
import { fileSystemHost } from '../../src/cli/file-system-host.js';

const root = new URL('../../', import.meta.url).pathname;
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => /\.ya?ml$/.test(f) && !f.includes('.lock.'))
  .sort();
const update = process.env.THRICE_UPDATE_GOLDEN === '1';

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** Compiles an example as the CLI would: with its committed lock file, paths relative to the repo. */
export function compileExample(name: string) {
  const specPath = `examples/${name}`;
  const lockPath = specPath.replace(/\.ya?ml$/, '.lock.yaml');
  const lock = existsSync(join(root, lockPath)) ? { file: lockPath, text: readFileSync(join(root, lockPath), 'utf8') } : undefined;
  const host = fileSystemHost(join(root, specPath), { display: (p) => relative(root, p) });
  return { result: compileTopology({ spec: { file: specPath, text: readFileSync(join(root, specPath), 'utf8') }, lock, host }), lock };
}

describe('golden outputs', () => {
  it.each(examples)('%s', (name) => {
    const { result, lock } = compileExample(name);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.outputs).toBeDefined();
    // The committed lock file is up to date: compiling the example changes nothing.
    if (!update) expect(result.lockText, 'examples/*.lock.yaml is up to date').toBe(lock?.text);
    const goldenDir = join(root, 'test/golden', name.replace(/\.ya?ml$/, ''));
    const files = new Map((result.outputs ?? []).map((f) => [f.path, f.contents]));
    if (update) {
      rmSync(goldenDir, { recursive: true, force: true });
      for (const [path, contents] of files) {
        mkdirSync(dirname(join(goldenDir, path)), { recursive: true });
        writeFileSync(join(goldenDir, path), contents);
      }
      if (result.lockText) writeFileSync(join(root, 'examples', name.replace(/\.ya?ml$/, '.lock.yaml')), result.lockText);
    }
    expect([...files.keys()].sort()).toEqual(listFiles(goldenDir));
    for (const [path, contents] of files) {
      expect(contents, path).toBe(readFileSync(join(goldenDir, path), 'utf8'));
    }
  });

  it('compiling twice gives byte-identical outputs', () => {
    for (const name of examples) {
      const a = compileExample(name).result.outputs;
      const b = compileExample(name).result.outputs;
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    }
  });
});
