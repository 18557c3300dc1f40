// Runs one benchmark case in this process (spawned fresh per run, so peak memory is the case's own).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileTopology } from '../src/compile/pipeline.js';
import { writeOutputDir } from '../src/cli/write-output-dir.js';
import { threeTierSpec, twoTierSpec } from './generate-specs.js';

const CASES: Record<string, () => string> = {
  'two-tier-1024x16': () => twoTierSpec(1024, 16),
  'three-tier-5016': () => threeTierSpec(16, 50, 4, 96, 256),
};

const name = process.argv[2] ?? '';
const make = CASES[name];
if (!make) throw new Error(`unknown case ${name}; known: ${Object.keys(CASES).join(', ')}`);
const text = make();
const started = performance.now();
const result = compileTopology({ spec: { file: `${name}.yaml`, text } });
const compiled = performance.now();
const errors = result.diagnostics.filter((d) => d.severity === 'error');
if (errors.length > 0 || !result.outputs) {
  console.error(JSON.stringify(errors.slice(0, 5), null, 2));
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'thrice-bench-'));
writeOutputDir(join(dir, 'out'), result.outputs, 'bench');
const written = performance.now();
rmSync(dir, { recursive: true, force: true });
const switches = result.ir?.fabric?.switches.length ?? 0;
process.stdout.write(
  JSON.stringify({
    case: name,
    specLines: text.split('\n').length,
    switches,
    files: result.outputs.length,
    compileMs: compiled - started,
    writeMs: written - compiled,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
