// Fuzzes the examples (fast-check): no crash, every error located, nothing written on failure, every output accepted by its real consumer.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileTopology } from '../../src/compile/pipeline.js';
import { fileSystemHost } from '../../src/cli/file-system-host.js';
import { lockPathFor } from '../../src/cli/lock-path.js';
import { hasCommand, testNeeding } from '../emit/test-needing.js';
import { NftChecker } from '../helpers/nft-checker.js';
import { expectNoStackTrace, isRoot, snapshot, tempDir, thrice } from './hostile-fixtures.js';
import { type Mutation, mutate, mutationArbitrary } from './spec-mutants.js';

// Bounded for CI (a few seconds); THRICE_FUZZ_RUNS raises both counts for a longer local hunt.
const FACTOR = Number(process.env.THRICE_FUZZ_RUNS ?? 1);
const IN_PROCESS_RUNS = 100 * FACTOR;
const CLI_RUNS = 8 * FACTOR;

const examplesDir = new URL('../../examples/', import.meta.url).pathname;
const goldenDir = new URL('../golden/', import.meta.url).pathname;
const examples = readdirSync(examplesDir).filter((f) => /\.ya?ml$/.test(f) && !f.includes('.lock.')).sort();
const mutants = fc.tuple(fc.constantFrom(...examples), fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }));

/** A project per example with its lock file and manifests, where mutants are written. */
const projects = new Map<string, string>();
function projectFor(example: string): string {
  let dir = projects.get(example);
  if (!dir) {
    dir = tempDir('thrice-fuzz-');
    writeFileSync(join(dir, 'spec.yaml'), readFileSync(join(examplesDir, example), 'utf8'));
    const lock = lockPathFor(join(examplesDir, example));
    if (existsSync(lock)) writeFileSync(join(dir, 'spec.lock.yaml'), readFileSync(lock, 'utf8'));
    mkdirSync(join(dir, 'k8s'));
    for (const f of readdirSync(join(examplesDir, 'k8s'))) writeFileSync(join(dir, 'k8s', f), readFileSync(join(examplesDir, 'k8s', f), 'utf8'));
    projects.set(example, dir);
  }
  return dir;
}

const specText = (example: string, mutations: readonly Mutation[]) => mutate(readFileSync(join(examplesDir, example), 'utf8'), mutations);

describe('mutated examples, in process', () => {
  it(`${IN_PROCESS_RUNS} mutants: no exception, every error located`, () => {
    fc.assert(
      fc.property(mutants, ([example, mutations]) => {
        const dir = projectFor(example);
        const specPath = join(dir, 'spec.yaml');
        const text = specText(example, mutations);
        const result = compileTopology({
          spec: { file: 'spec.yaml', text },
          lock: { file: 'spec.lock.yaml', text: readFileSync(join(dir, 'spec.lock.yaml'), 'utf8') },
          host: fileSystemHost(specPath),
        });
        for (const d of result.diagnostics.filter((x) => x.severity === 'error')) {
          expect(d.location, `${d.code} has no location`).toBeDefined();
          expect(d.location?.line, d.code).toBeGreaterThanOrEqual(1);
          expect(d.location?.column, d.code).toBeGreaterThanOrEqual(1);
        }
        const failed = result.diagnostics.some((d) => d.severity === 'error');
        expect(failed || result.outputs !== undefined).toBe(true);
      }),
      { numRuns: IN_PROCESS_RUNS },
    );
  });
});

const withConsumers = testNeeding('root, vtysh, nft, shellcheck and xmllint', isRoot && hasCommand('vtysh') && hasCommand('nft') && hasCommand('shellcheck') && hasCommand('xmllint'));
const nft = new NftChecker();
const vtyshDir = tempDir('thrice-fuzz-vtysh-');
beforeAll(() => {
  writeFileSync(join(vtyshDir, 'vtysh.conf'), '');
  if (isRoot && hasCommand('ip')) nft.open();
});
afterAll(() => nft.close());

/** Contents already accepted (the examples' own outputs are checked by the golden and emitter tests). */
const accepted = new Set<string>();
const digest = (s: string) => createHash('sha256').update(s).digest('hex');

/** Every problem a real consumer finds in an output tree's files that were not accepted before. */
function consumerProblems(out: string): string[] {
  const problems: string[] = [];
  const scripts: string[] = [];
  for (const [path, contents] of snapshot(out)) {
    const key = digest(`${path}\0${contents}`);
    if (accepted.has(key)) continue;
    const full = join(out, path);
    if (path.endsWith('frr.conf')) {
      const r = spawnSync('vtysh', ['--config_dir', vtyshDir, '-C', '-f', full], { encoding: 'utf8' });
      if (r.status !== 0) problems.push(`vtysh -C ${path}: ${r.stdout}${r.stderr}`);
    } else if (path.endsWith('.nft')) {
      problems.push(...nft.problems(path.replaceAll('/', '_'), contents).map((p) => `nft -c ${path}: ${p}`));
    } else if (path.endsWith('.xml')) {
      const r = spawnSync('xmllint', ['--noout', full], { encoding: 'utf8' });
      if (r.status !== 0) problems.push(`xmllint ${path}: ${r.stdout}${r.stderr}`);
    } else if (path.endsWith('.sh')) scripts.push(full);
    accepted.add(key);
  }
  if (scripts.length > 0) {
    const r = spawnSync('shellcheck', ['-s', 'sh', ...scripts], { encoding: 'utf8' });
    if (r.status !== 0) problems.push(`shellcheck: ${r.stdout}${r.stderr}`);
  }
  return problems;
}

describe('mutated examples, through the CLI', () => {
  withConsumers(`${CLI_RUNS} mutants: exit 0 or 1, no stack trace, errors located, nothing written on failure, outputs pass vtysh, nft, shellcheck and xmllint`, () => {
    // The examples' golden trees are accepted already: only what a mutation changed goes to the consumers.
    for (const example of examples) {
      const golden = join(goldenDir, example.replace(/\.ya?ml$/, ''));
      if (existsSync(golden)) for (const [path, contents] of snapshot(golden)) accepted.add(digest(`${path}\0${contents}`));
    }
    let n = 0;
    fc.assert(
      fc.property(mutants, ([example, mutations]) => {
        const dir = projectFor(example);
        writeFileSync(join(dir, 'mutant.yaml'), specText(example, mutations));
        writeFileSync(join(dir, 'mutant.lock.yaml'), readFileSync(join(dir, 'spec.lock.yaml'), 'utf8'));
        const before = snapshot(dir);
        const out = `out-${n++}`;
        const run = thrice(['compile', 'mutant.yaml', '-o', out, '--format', 'json'], { cwd: dir });
        expect([0, 1], run.stderr).toContain(run.status);
        expectNoStackTrace(run);
        const diagnostics = (JSON.parse(run.stdout) as { diagnostics: { code: string; severity: string; location?: { line: number; column: number } }[] }).diagnostics;
        for (const d of diagnostics.filter((x) => x.severity === 'error')) expect(d.location?.line, d.code).toBeGreaterThanOrEqual(1);
        if (run.status === 1) {
          expect(existsSync(join(dir, out))).toBe(false);
          expect(snapshot(dir)).toEqual(before);
        } else {
          expect(consumerProblems(join(dir, out))).toEqual([]);
        }
      }),
      { numRuns: CLI_RUNS },
    );
  });
});
