// `npm run bench`: each case in a fresh process, several runs, median wall time and peak memory printed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.THRICE_BENCH_RUNS ?? 5);
const COMPILE = fileURLToPath(new URL('./measure-one.js', import.meta.url));
const ANALYSIS = fileURLToPath(new URL('./measure-analysis.js', import.meta.url));
const CASES = [
  { name: 'two-tier-1024x16', script: COMPILE, target: '1,024 leaves x 16 L2 VNIs, validate+compile+emit < 2 s' },
  { name: 'three-tier-5016', script: COMPILE, target: '~5,000 switches, < 8 s and < 1.5 GB' },
  { name: 'cluster-5k', script: ANALYSIS, target: 'half size, to show linear growth' },
  { name: 'cluster-10k', script: ANALYSIS, target: '10,000 pods / 500 namespaces / 2,000 policies + 40 intents over 64 leaves: connectivity + all checks < 3 s' },
];

interface Sample {
  specLines: number;
  switches: number;
  files: number;
  compileMs: number;
  writeMs: number;
  peakRssMb: number;
}

interface AnalysisSample {
  pods: number;
  namespaces: number;
  policies: number;
  intents: number;
  paths: number;
  listingLines: number;
  checkMs: number;
  connectivityMs: number;
  totalMs: number;
  peakRssMb: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

const seconds = (ms: number): string => (ms / 1000).toFixed(2);

for (const c of CASES) {
  const raw: unknown[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(process.execPath, [c.script, c.name], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      process.exit(1);
    }
    raw.push(JSON.parse(r.stdout));
  }
  if (c.script === ANALYSIS) {
    const a = raw as AnalysisSample[];
    const a0 = a[0] as AnalysisSample;
    console.log(
      `${c.name}: ${a0.pods} pods, ${a0.namespaces} namespaces, ${a0.policies} policies, ${a0.intents} intents (${a0.paths} paths), ${a0.listingLines} listing lines | ` +
        `check median ${seconds(median(a.map((s) => s.checkMs)))} s + connectivity ${seconds(median(a.map((s) => s.connectivityMs)))} s = ` +
        `${seconds(median(a.map((s) => s.totalMs)))} s (min ${seconds(Math.min(...a.map((s) => s.totalMs)))}, max ${seconds(Math.max(...a.map((s) => s.totalMs)))}), ` +
        `peak RSS median ${median(a.map((s) => s.peakRssMb)).toFixed(0)} MB over ${RUNS} runs  [target: ${c.target}]`,
    );
    continue;
  }
  const samples = raw as Sample[];
  const s0 = samples[0] as Sample;
  console.log(
    `${c.name}: ${s0.switches} switches, ${s0.specLines} spec lines, ${s0.files} files | ` +
      `validate+compile+emit median ${(median(samples.map((s) => s.compileMs)) / 1000).toFixed(2)} s ` +
      `(min ${(Math.min(...samples.map((s) => s.compileMs)) / 1000).toFixed(2)}, max ${(Math.max(...samples.map((s) => s.compileMs)) / 1000).toFixed(2)}), ` +
      `write ${(median(samples.map((s) => s.writeMs)) / 1000).toFixed(2)} s, peak RSS median ${median(samples.map((s) => s.peakRssMb)).toFixed(0)} MB ` +
      `over ${RUNS} runs  [target: ${c.target}]`,
  );
}
