// Helpers for the parse-* hostile-input tests: a throwaway project, the real CLI, and its diagnostics as `code file:line:col`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { type CliRun, runCli } from '../helpers/run-cli.js';

const made: string[] = [];
// The huge-list projects hold 30 MB files each: removed when the test file is done.
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh directory holding `files` (name → contents; a Buffer is written byte for byte). */
export function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'thrice-parse-'));
  made.push(dir);
  for (const [name, contents] of Object.entries(files)) writeFileSync(join(dir, name), contents);
  return dir;
}

/** `thrice validate spec.yaml --format json` (or other arguments) in `dir`: exit status, every diagnostic as `code file:line:col`, and time taken. */
export function validateJson(dir: string, args: readonly string[] = ['validate', 'spec.yaml']): { run: CliRun; found: string[]; seconds: number } {
  const started = Date.now();
  const run = runCli([...args, '--format', 'json'], dir);
  const seconds = (Date.now() - started) / 1000;
  expectNoCrash(run);
  const parsed = JSON.parse(run.stdout) as { diagnostics: { code: string; location?: { file: string; line: number; column: number } }[] };
  const found = parsed.diagnostics.map((d) => `${d.code} ${d.location?.file}:${d.location?.line}:${d.location?.column}`);
  return { run, found, seconds };
}

/** No stack trace, no JavaScript error name, no library message on stderr. */
export function expectNoCrash(run: CliRun): void {
  expect(run.stderr).not.toMatch(/^\s+at .+[:(]\d+/m);
  expect(run.stderr).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError)\b|node:internal|Maximum call stack|YAML\.parse/);
}

/** A spec that imports one manifest file, `m.yaml`, into a cluster. */
export const WITH_MANIFEST = 'thrice: 1\nname: x\nclusters:\n  - name: c\n    manifests: [m.yaml]\n';
export const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n';
