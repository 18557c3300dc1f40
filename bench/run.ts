// `npm run bench`: each case in a fresh process, several runs, median wall time and peak memory printed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.THRICE_BENCH_RUNS ?? 5);
const CASES = [
  { name: 'two-tier-1024x16', target: '1,024 leaves x 16 L2 VNIs, validate+compile+emit < 2 s' },
  { name: 'three-tier-5016', target: '~5,000 switches, < 8 s and < 1.5 GB' },
];
const one = fileURLToPath(new URL('./measure-one.js', import.meta.url));

interface Sample {
  specLines: number;
  switches: number;
  files: number;
  compileMs: number;
  writeMs: number;
  peakRssMb: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

for (const c of CASES) {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(process.execPath, [one, c.name], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      process.exit(1);
    }
    samples.push(JSON.parse(r.stdout) as Sample);
  }
  const s0 = samples[0] as Sample;
  console.log(
    `${c.name}: ${s0.switches} switches, ${s0.specLines} spec lines, ${s0.files} files | ` +
      `validate+compile+emit median ${(median(samples.map((s) => s.compileMs)) / 1000).toFixed(2)} s ` +
      `(min ${(Math.min(...samples.map((s) => s.compileMs)) / 1000).toFixed(2)}, max ${(Math.max(...samples.map((s) => s.compileMs)) / 1000).toFixed(2)}), ` +
      `write ${(median(samples.map((s) => s.writeMs)) / 1000).toFixed(2)} s, peak RSS median ${median(samples.map((s) => s.peakRssMb)).toFixed(0)} MB ` +
      `over ${RUNS} runs  [target: ${c.target}]`,
  );
}
