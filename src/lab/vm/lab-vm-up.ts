// `thrice lab up --kernel vm`: boots Debian's kernel under qemu and stands the lab up inside it, on the same outputs, with nothing stood in for.
import { join } from 'node:path';
import { LabError, LabUsageError } from '../lab-error.js';
import { checkLabDir, makeDirectory, missingAncestors } from '../lab-directory.js';
import { type LabState, LabStateFile, emptyState } from '../lab-state.js';
import { identify, isRunning } from '../lab-processes.js';
import { type LabUpInput, recoverPrevious, specHash } from '../lab-up.js';
import { writeOutputDir } from '../../cli/write-output-dir.js';
import { THRICE_VERSION } from '../../cli/version.js';
import { count } from '../count.js';
import { timedStep } from '../timed-step.js';
import { findVmKernel } from './vm-kernel.js';
import { buildVmImage, staticBusybox } from './vm-image.js';
import { qemuArguments, startVm, vmPaths } from './vm-machine.js';
import { waitForAgent } from './vm-agent-client.js';
import { checkVmRequirements, vmDirProblem } from './vm-requirements.js';
import { GUEST_SHARE, guestPath, innerLabDir, readInnerState, runInVm, thriceArgv } from './vm-lab-channel.js';

/** Boot under emulation takes 10–20 s; a loaded machine can triple it. */
const BOOT_TIMEOUT_MS = 180_000;
/** `lab up` of the three-layer example takes minutes under emulation. */
const INNER_UP_TIMEOUT_MS = 3_600_000;

export interface VmLabUpResult {
  readonly state: LabState;
  readonly bootSeconds: number;
  readonly seconds: number;
}

export async function labUpInVm(input: LabUpInput): Promise<VmLabUpResult> {
  const started = Date.now();
  const { dir, name, progress } = input;
  checkLabDir(dir);
  const dirProblem = vmDirProblem(dir);
  if (dirProblem) throw new LabUsageError(dirProblem);
  const missing = checkVmRequirements().filter((r) => !r.ok);
  if (missing.length > 0) throw new LabError(`the lab's VM needs:\n${missing.map((r) => `  - ${r.what}: ${r.fix}`).join('\n')}`);
  const kernel = findVmKernel();
  const busybox = staticBusybox();
  if (!kernel || !busybox) throw new LabError('the kernel or busybox went away while checking');
  recoverPrevious(name, dir, progress);

  const parents = missingAncestors(dir);
  makeDirectory(dir, parents);
  const innerDir = innerLabDir(name);
  const state = new LabStateFile(dir, { ...emptyState({ name, dir, spec: input.specPath, specHash: specHash(input.specText) }, parents), vm: { kernel: kernel.version, innerDir } });
  const paths = vmPaths(dir);
  const step = timedStep(progress);
  step(() => `compiled ${count(input.outputs.length, 'file')} into ${join(dir, 'out')}`, () => writeOutputDir(join(dir, 'out'), input.outputs, `thrice ${THRICE_VERSION} lab`));
  const image = step((i) => `VM image: ${i.kernel === kernel.image ? kernel.image : `${i.kernel} (unpacked from ${kernel.image})`}, ${i.initramfs}`, () => buildVmImage(kernel, busybox, paths.dir));
  const record = { role: 'vm' as const, device: 'qemu', netns: '', pidFile: paths.pidFile };
  state.addProcess(record);
  const t0 = Date.now();
  startVm(qemuArguments(paths, image, kernel, dir));
  const qemu = identify(record);
  if (!qemu) throw new LabError(`qemu did not start; see ${paths.console}`);
  state.setProcess((p) => p.pidFile === record.pidFile, qemu);
  await waitForAgent(paths.control, BOOT_TIMEOUT_MS, () => isRunning(qemu)).catch((error: unknown) => {
    throw new LabError(`${(error as Error).message}; see the VM's console in ${paths.console}`);
  });
  const bootSeconds = (Date.now() - t0) / 1000;
  progress(`  VM: Debian's kernel ${kernel.version} under qemu (pid ${qemu.pid}, software emulation), up in ${bootSeconds.toFixed(1)} s; console ${paths.console}`);
  progress(`  in the VM: thrice lab up, in ${innerDir}:`);
  const up = await runInVm(paths.control, thriceArgv(['lab', 'up', guestPath(input.specPath), '--name', name, '--dir', innerDir]), {
    timeoutMs: INNER_UP_TIMEOUT_MS,
    // The guest's own next step names the guest's paths; the user's is printed by the CLI.
    line: (l) => (l.startsWith('next: ') ? undefined : progress(`  | ${l}`)),
  });
  if (up.exit !== 0) throw new LabError(`the lab did not come up inside the VM (exit ${up.exit ?? up.signal}); its output is above, the VM's console in ${paths.console}`);
  // The guest compiled the same spec with the same thrice; the outputs it runs must be byte for byte the ones here.
  const same = await runInVm(paths.control, ['diff', '-r', join(GUEST_SHARE, 'out'), join(innerDir, 'out')], { timeoutMs: 120_000, line: (l) => progress(`  | ${l}`) });
  if (same.exit !== 0) throw new LabError(`the outputs the VM runs differ from ${join(dir, 'out')} (see above)`);
  const inner = await readInnerState(paths.control, innerDir);
  const differences = [vmDifference(kernel.version, innerDir), ...inner.differences];
  state.update(() => ({ phase: 'up', differences }));
  return { state: state.state, bootSeconds, seconds: (Date.now() - started) / 1000 };
}

function vmDifference(version: string, innerDir: string): string {
  return (
    `the lab runs inside a VM: Debian's kernel ${version} under qemu (software emulation, so everything is slower than on a host), ` +
    `with this machine's root file system read-only under a tmpfs overlay and no network device; the guest compiles the same spec with the same thrice ` +
    `into ${innerDir}/out, checked identical to out/ here, and stands the lab up from it in ${innerDir} (FRR's sockets cannot live on a shared directory)`
  );
}
