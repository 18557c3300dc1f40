// Registers `thrice lab up|verify|status|down` on the command line; each subcommand lives in its own lab-*.ts file.
import { type Command, Option } from 'commander';
import type { LabLocationOptions } from './lab-location.js';
import { type LabUpOptions, runLabUp } from './lab-up.js';
import { runLabDown } from './lab-down.js';
import { runLabStatus } from './lab-status.js';
import { runLabExec } from './lab-exec.js';
import { runLabVerify, type LabVerifyOptions } from './lab-verify.js';

export function registerLabCommands(program: Command): void {
  const lab = program
    .command('lab')
    .description('stand the compiled topology up on this machine (network namespaces, real FRR) and check the analysis with real packets');
  const locate = (cmd: Command): Command =>
    cmd.option('--name <name>', 'lab name, the prefix of its namespaces (default: thrice-<topology>)').option('--dir <dir>', 'lab directory (default: /tmp/thrice-lab/<name>)');
  locate(lab.command('up').description('compile <spec> and stand it up: a namespace per switch, host, VM and pod, zebra and bgpd per switch').argument('<spec>', 'topology file (YAML)'))
    .addOption(
      new Option('--kernel <kernel>', "host: this machine's kernel, standing in for what it lacks; vm: Debian's kernel under qemu, running the outputs as they are")
        .choices(['host', 'vm'])
        .default('host'),
    )
    .action(async (spec: string, opts: LabUpOptions, cmd: Command) => {
      process.exitCode = await runLabUp(spec, { ...opts, ...(cmd.optsWithGlobals() as { maxInputSize?: number }) });
    });
  locate(lab.command('verify').description('wait for BGP and EVPN, probe every intent with real packets, compare with the analysis').argument('[spec]', 'topology file (default: the one the lab was built from)'))
    .option('--strict', 'also exit 1 when an intent is observed broken')
    .option('--capture [intent]', 'save a short pcap at the spines for one probe (of this intent, or the first that crosses them)')
    .option('--timeout <seconds>', 'how long to wait for BGP and EVPN', '90')
    .action(async (spec: string | undefined, opts: LabVerifyOptions) => {
      process.exitCode = await runLabVerify(spec, opts);
    });
  locate(lab.command('status').description('what the lab holds, and whether its namespaces and daemons are all still there').argument('[spec]', 'topology file'))
    .action(async (spec: string | undefined, opts: LabLocationOptions) => {
      process.exitCode = await runLabStatus(spec, opts);
    });
  locate(lab.command('exec').description("run a command inside a lab's VM (`up --kernel vm`), e.g. `-- vtysh --vty_socket <dir> -c 'show bgp summary'`").argument('<command...>', 'the command and its arguments (after --)'))
    .action(async (command: string[], opts: LabLocationOptions) => {
      process.exitCode = await runLabExec(command, opts);
    });
  locate(lab.command('down').description('remove exactly what `lab up` recorded: processes by pid, mounts, namespaces, the lab directory').argument('[spec]', 'topology file'))
    .action(async (spec: string | undefined, opts: LabLocationOptions) => {
      process.exitCode = runLabDown(spec, opts);
    });
}
