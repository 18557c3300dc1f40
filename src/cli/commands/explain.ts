// `thrice explain <spec> --from A --to B --proto tcp --port N`: every path of one flow, hop by hop.
import { buildTopology } from '../../compile/pipeline.js';
import { createPathModel } from '../../analysis/paths/create-path-model.js';
import { formatPaths } from '../../analysis/explain/format-explain.js';
import type { FlowPath, FlowProto } from '../../analysis/paths/path-types.js';
import { createReporter } from '../report.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { parseEndpoint } from '../parse-endpoint.js';
import { type InputOptions, readInputs } from './read-inputs.js';

export interface ExplainOptions extends InputOptions {
  readonly from: string;
  readonly to: string;
  readonly proto: FlowProto;
  readonly port?: string;
  readonly format: 'text' | 'json';
}

export function runExplain(specPath: string, opts: ExplainOptions): number {
  const from = parseEndpoint(opts.from);
  const to = parseEndpoint(opts.to);
  const port = opts.port === undefined ? undefined : Number(opts.port);
  for (const e of [from, to]) {
    if ('error' in e) {
      process.stderr.write(`thrice: ${e.error}\n`);
      return EXIT_USAGE;
    }
  }
  if (opts.proto !== 'icmp' && (port === undefined || !Number.isInteger(port) || port < 1 || port > 65535)) {
    process.stderr.write('thrice: --port takes a port number from 1 to 65535 (required for tcp and udp)\n');
    return EXIT_USAGE;
  }
  const read = readInputs(specPath, opts);
  if (!read.ok) return EXIT_USAGE;
  const result = buildTopology(read.input);
  if (!result.ir || result.diagnostics.some((d) => d.severity === 'error')) {
    createReporter('text').diagnostics(result.diagnostics, read.sources);
    return EXIT_ERRORS;
  }
  const model = createPathModel(result.ir);
  const sources = model.instances(from as Exclude<typeof from, { error: string }>);
  const targets = model.instances(to as Exclude<typeof to, { error: string }>);
  for (const [what, list, text] of [['--from', sources, opts.from], ['--to', targets, opts.to]] as const) {
    if (list.length === 0) {
      process.stderr.write(`thrice: ${what} ${text} matches nothing in ${read.input.spec.file}\n`);
      return EXIT_USAGE;
    }
  }
  const flow = opts.proto === 'icmp' ? { proto: opts.proto } : { proto: opts.proto, port };
  const paths: FlowPath[] = sources.flatMap((s) => targets.filter((t) => t.name !== s.name).flatMap((t) => model.paths(s, t, flow)));
  if (opts.format === 'json') process.stdout.write(JSON.stringify({ paths }, null, 2) + '\n');
  else process.stdout.write(formatPaths(paths));
  return EXIT_OK;
}
