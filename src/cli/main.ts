#!/usr/bin/env node
// The thrice command line: the only part of thrice that touches the file system and the terminal.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { THRICE_VERSION } from './version.js';
import { OUTPUT_FORMATS } from './report.js';
import { runValidate } from './commands/validate.js';
import { runCompile } from './commands/compile.js';
import { runConnectivity } from './commands/connectivity.js';
import { runExplain } from './commands/explain.js';
import { runCheck } from './commands/check.js';
import { registerLabCommands } from './commands/lab.js';
import { EXIT_USAGE } from './exit-codes.js';
import { DEFAULT_MAX_INPUT_MIB } from './read-input-file.js';

const program = new Command();
program
  .name('thrice')
  .description('Network-as-code compiler for layered data-centre networks (Clos fabric, VPC overlays, Kubernetes pod overlays)')
  .version(THRICE_VERSION)
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) })
  .option('--max-input-size <MiB>', `largest spec, lock file or manifest thrice reads, in MiB (default ${DEFAULT_MAX_INPUT_MIB})`, parseMiB);

/** Program options (recognised before or after the command) merged into a command's own. */
const withGlobals = <T extends object>(opts: T): T & { maxInputSize?: number } => ({ ...opts, ...(program.opts() as { maxInputSize?: number }) });

function parseMiB(value: string): number {
  const mib = Number(value);
  if (!Number.isFinite(mib) || mib <= 0 || mib > 4096) throw new InvalidArgumentError('a size in MiB between 0 and 4096, e.g. 64');
  return mib;
}

const formatOption = (): Option =>
  new Option('-f, --format <format>', 'diagnostics format').choices([...OUTPUT_FORMATS]).default('text');

program
  .command('validate')
  .description('check a topology file: YAML, schema, references, pools, capacity; writes nothing')
  .argument('<spec>', 'topology file (YAML)')
  .addOption(formatOption())
  .action(async (spec: string, opts: { format: 'text' | 'json' | 'sarif' }) => {
    process.exitCode = runValidate(spec, withGlobals(opts));
  });

program
  .command('compile')
  .description('validate, allocate and write every output (FRR configs, scripts, wiring, IR) atomically into a directory')
  .argument('<spec>', 'topology file (YAML)')
  .requiredOption('-o, --out <dir>', 'output directory (replaced as a whole; only a directory thrice wrote before)')
  .addOption(formatOption())
  .option('--locked', 'fail instead of updating the lock file when allocation would change it (for CI)')
  .action(async (spec: string, opts: { out: string; format: 'text' | 'json' | 'sarif'; locked?: boolean }) => {
    process.exitCode = runCompile(spec, withGlobals(opts));
  });

program
  .command('connectivity')
  .description("list the allowed connections between a cluster's workloads and external ranges, as NetworkPolicies decide them")
  .argument('<spec>', 'topology file (YAML); it may hold only a cluster with manifests')
  .option('-c, --cluster <name>', 'the cluster to analyse (required when the spec has several)')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
  .addOption(
    new Option('--host-network <mode>', 'hostNetwork pods: "host" (not selected by policies, as the format says) or "pod" (analysed like other pods, as netpol-analyzer does)')
      .choices(['host', 'pod'])
      .default('host'),
  )
  .action(async (spec: string, opts: { cluster?: string; format: 'text' | 'json'; hostNetwork: 'host' | 'pod' }) => {
    process.exitCode = runConnectivity(spec, withGlobals(opts));
  });

program
  .command('explain')
  .description('print every path of one flow through all layers: the headers each hop sees, the rules consulted, which decided and which were bypassed')
  .argument('<spec>', 'topology file (YAML)')
  .requiredOption('--from <endpoint>', 'external:CIDR, host:NAME, vm:NAME, subnet:VPC/SUBNET, workload:CLUSTER/NS/NAME or pods:CLUSTER[/NS][/k=v,...]')
  .requiredOption('--to <endpoint>', 'same forms as --from')
  .addOption(new Option('--proto <proto>', 'protocol').choices(['tcp', 'udp', 'icmp']).default('tcp'))
  .option('--port <port>', 'destination port (tcp, udp)')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
  .action(async (spec: string, opts: { from: string; to: string; proto: 'tcp' | 'udp' | 'icmp'; port?: string; format: 'text' | 'json' }) => {
    process.exitCode = runExplain(spec, withGlobals(opts));
  });

program
  .command('check')
  .description('the pre-merge lint: validation, every cross-layer gap check and every intent over all its paths; exits 1 on any error')
  .argument('<spec>', 'topology file (YAML)')
  .addOption(formatOption())
  .action(async (spec: string, opts: { format: 'text' | 'json' | 'sarif' }) => {
    process.exitCode = runCheck(spec, withGlobals(opts));
  });

registerLabCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version exit 0; every other commander error is bad usage.
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
  } else {
    throw error;
  }
}
