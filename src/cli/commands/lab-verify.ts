// `thrice lab verify`: convergence, then every intent probed with real packets; exit 1 when an observation differs from the analysis.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTopology } from '../../compile/pipeline.js';
import { LabStateFile, readState } from '../../lab/lab-state.js';
import type { LabPlan } from '../../lab/lab-plan-types.js';
import { PLAN_FILE, specHash } from '../../lab/lab-up.js';
import { labVerify } from '../../lab/verify/lab-verify.js';
import { verifyTable } from '../../lab/verify/verify-report.js';
import { createReporter } from '../report.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { readInputs } from './read-inputs.js';
import { type LabLocationOptions, findLab } from './lab-location.js';
import { runLabActionAsync } from './lab-action.js';
import { count } from '../../lab/count.js';
import { verifyInVm } from '../../lab/vm/lab-vm-pass.js';

export interface LabVerifyOptions extends LabLocationOptions {
  readonly strict?: boolean;
  readonly capture?: string | boolean;
  readonly timeout: string;
}

export async function runLabVerify(spec: string | undefined, opts: LabVerifyOptions): Promise<number> {
  const location = findLab(spec, opts);
  if (!location.ok) return usage(location.message);
  // The state and the plan are files in --dir: a broken one is reported like any refusal, not with a stack.
  return runLabActionAsync(async () => {
    const state = readState(location.dir);
    if (!state) return usage(`no lab recorded in ${location.dir}; run \`thrice lab up <spec>\` first`);
    if (state.phase !== 'up') return usage(`the lab in ${location.dir} did not finish coming up; run \`thrice lab up\` again`);
    const read = readInputs(state.spec);
    if (!read.ok) return EXIT_USAGE;
    if (specHash(read.input.spec.text) !== state.specHash) return usage(`${state.spec} changed since the lab came up; run \`thrice lab up\` again`);
    const timeoutSeconds = Number(opts.timeout);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) return usage(`--timeout must be a number of seconds, not "${opts.timeout}"`);
    const capture = opts.capture === undefined || opts.capture === false ? undefined : opts.capture;
    if (state.vm) {
      const vmState = { ...state, vm: state.vm };
      return verifyInVm(vmState, { timeoutSeconds, ...(opts.strict ? { strict: true } : {}), ...(capture === undefined ? {} : { capture }) }, (text, fd) =>
        void (fd === 1 ? process.stdout : process.stderr).write(text),
      );
    }
    const built = buildTopology(read.input);
    createReporter('text').diagnostics(built.diagnostics, read.sources);
    if (!built.ir || !built.spec) return EXIT_ERRORS;
    const plan = JSON.parse(readFileSync(join(location.dir, PLAN_FILE), 'utf8')) as LabPlan;
    process.stdout.write(`thrice lab verify: ${state.name}\n`);
    const { ir, spec: specValue } = built;
    const result = await labVerify({ state: new LabStateFile(location.dir, state), plan, spec: specValue, ir, timeoutSeconds, capture, progress: (l) => process.stdout.write(`${l}\n`) });
    process.stdout.write(`\n${verifyTable(result.rows)}`);
    const differing = result.rows.reduce((n, r) => n + r.differing.length, 0);
    const broken = result.rows.filter((r) => r.observed !== 'n/a' && r.observed !== r.intent.expect);
    const probes = result.rows.reduce((n, r) => n + r.outcomes.length, 0);
    process.stdout.write(
      `${count(probes, 'probe')}: ${differing === 0 ? 'every observation agrees with the analysis' : `${count(differing, 'observation')} ${differing === 1 ? 'DIFFERS' : 'DIFFER'} from the analysis (a bug in thrice or in the lab)`}; ` +
        `${broken.length} of ${count(result.rows.length, 'intent')} observed broken${broken.length ? ` (${broken.map((r) => r.intent.name).join(', ')})` : ''}\n`,
    );
    if (result.capture) {
      process.stdout.write(`capture of ${result.capture.probe}:\n`);
      for (const f of result.capture.files) process.stdout.write(`  ${f.spine}: ${f.file}\n${f.summary.split('\n').map((l) => `    ${l}\n`).join('')}`);
      if (result.capture.files.length === 0) process.stdout.write('  no spine saw a packet of it\n');
    }
    return differing > 0 || (opts.strict && broken.length > 0) ? EXIT_ERRORS : EXIT_OK;
  });
}

function usage(message: string): number {
  process.stderr.write(`thrice lab: ${message}\n`);
  return EXIT_USAGE;
}
