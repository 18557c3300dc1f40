// `thrice lab` in a VM: examples/three-layer.yaml up (boot, then the lab inside), verified, and down, with the built CLI; times of each.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkVmRequirements } from '../src/lab/vm/vm-requirements.js';
import { defaultLabDir } from '../src/lab/lab-names.js';
import { packageRoot } from '../src/package-root.js';

/** Runs the three-layer example in the lab VM once; prints one line of figures, or why it was skipped. */
export function benchLabInVm(): void {
  const missing = checkVmRequirements().filter((r) => !r.ok);
  if (missing.length > 0) {
    console.log(`lab-vm-three-layer: skipped (${missing.map((r) => r.what).join('; ')})`);
    return;
  }
  const cli = join(packageRoot(), 'dist', 'src', 'cli', 'main.js');
  const spec = join(packageRoot(), 'examples', 'three-layer.yaml');
  const name = 'thrice-bench-vm';
  const dir = defaultLabDir(name);
  const run = (...args: string[]): { seconds: number; stdout: string; status: number | null } => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, 'lab', ...args], { encoding: 'utf8' });
    if (process.env.THRICE_LAB_BENCH_VERBOSE) process.stdout.write(r.stdout + r.stderr);
    return { seconds: (performance.now() - t0) / 1000, stdout: r.stdout, status: r.status };
  };
  try {
    const up = run('up', spec, '--kernel', 'vm', '--name', name);
    if (up.status !== 0) throw new Error(`lab up --kernel vm failed:\n${up.stdout}`);
    const boot = Number(/up in ([\d.]+) s; console/.exec(up.stdout)?.[1] ?? NaN);
    const inner = Number(/^\s+\| up in ([\d.]+) s\./m.exec(up.stdout)?.[1] ?? NaN);
    const verify = run('verify', '--dir', dir, '--timeout', '900');
    if (verify.status !== 0) throw new Error(`lab verify failed:\n${verify.stdout}`);
    const converged = Number(/converged: .*\(([\d.]+) s\)/.exec(verify.stdout)?.[1] ?? NaN);
    const probes = /^(\d+) probes?: (.*);/m.exec(verify.stdout);
    const down = run('down', '--dir', dir);
    console.log(
      `lab-vm-three-layer: up ${up.seconds.toFixed(1)} s (VM boot ${boot.toFixed(1)} s, lab up inside ${inner.toFixed(1)} s) | ` +
        `verify ${verify.seconds.toFixed(1)} s (converged after ${converged.toFixed(1)} s, ${probes?.[1] ?? '?'} probes: ${probes?.[2] ?? '?'}) | down ${down.seconds.toFixed(1)} s`,
    );
  } finally {
    spawnSync(process.execPath, [cli, 'lab', 'down', '--dir', dir], { stdio: 'ignore' });
  }
}
