// `thrice lab` benchmark: a 16-leaf fabric (4 spines, 32 hypervisors, a VM per leaf) up and converged; time, and memory per switch.
import { readFileSync } from 'node:fs';
import { compileTopology } from '../src/compile/pipeline.js';
import { labUp } from '../src/lab/lab-up.js';
import { labDown } from '../src/lab/lab-down.js';
import { readState } from '../src/lab/lab-state.js';
import { defaultLabDir } from '../src/lab/lab-names.js';
import { waitForConvergence } from '../src/lab/verify/convergence.js';
import { twoTierSpec } from './generate-specs.js';
import { benchLabInVm } from './lab-vm-bench.js';

const LEAVES = Number(process.env.THRICE_LAB_BENCH_LEAVES ?? 16);
const TARGET_SECONDS = 20;

if (process.getuid?.() !== 0) {
  console.log('lab-bench: skipped (network namespaces and FRR need root)');
  process.exit(0);
}

const name = `thrice-bench${LEAVES}`;
const dir = defaultLabDir(name);
const text = twoTierSpec(LEAVES, 1);
const compiled = compileTopology({ spec: { file: `${name}.yaml`, text } });
if (!compiled.ir || !compiled.spec || !compiled.outputs) {
  console.error(JSON.stringify(compiled.diagnostics.slice(0, 5), null, 2));
  process.exit(1);
}
const { ir, spec, outputs } = compiled;
const started = performance.now();
try {
  const up = labUp({ name, dir, specPath: `${name}.yaml`, specText: text, spec, ir, outputs, progress: (l) => { if (process.env.THRICE_LAB_BENCH_VERBOSE) console.log(l); } });
  const upSeconds = (performance.now() - started) / 1000;
  const convergeSeconds = await waitForConvergence(dir, ir, 60);
  const total = (performance.now() - started) / 1000;
  const rss = (pid: number | undefined): number => {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
  };
  const perSwitch = new Map<string, number>();
  for (const p of up.state.processes) perSwitch.set(p.device, (perSwitch.get(p.device) ?? 0) + rss(p.pid));
  const mbs = [...perSwitch.values()].sort((a, b) => a - b);
  const switches = ir.fabric?.switches.length ?? 0;
  console.log(
    `lab-${LEAVES}-leaves: ${switches} switches, ${up.plan.namespaces.length} namespaces, ${up.plan.links.length} veth pairs | ` +
      `up ${upSeconds.toFixed(1)} s + converged ${convergeSeconds.toFixed(1)} s = ${total.toFixed(1)} s (${((total * 1000) / switches).toFixed(0)} ms per switch) | ` +
      `zebra+bgpd RSS per switch median ${mbs[Math.floor(mbs.length / 2)]?.toFixed(1)} MB, max ${mbs[mbs.length - 1]?.toFixed(1)} MB, ` +
      `all switches ${mbs.reduce((a, b) => a + b, 0).toFixed(0)} MB  [target: up and converged < ${TARGET_SECONDS} s]`,
  );
} finally {
  const state = readState(dir);
  if (state) labDown(state);
}
// The same lab on Debian's kernel under emulation (no stand-ins); THRICE_LAB_BENCH_VM=0 leaves it out.
if (process.env.THRICE_LAB_BENCH_VM !== '0') benchLabInVm();
