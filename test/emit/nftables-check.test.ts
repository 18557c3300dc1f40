// Every generated ruleset must pass `nft -c` (parsed by nft, validated by the kernel, never loaded), in a throwaway network namespace.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import { buildTopology } from '../../src/compile/pipeline.js';
import { fileSystemHost } from '../../src/cli/file-system-host.js';
import { nftablesEmitter } from '../../src/emit/nftables/nftables-emitter.js';
import { nftablesTopology, nftablesTopologyHostVteps, nftablesTopologyLongNames } from '../helpers/nftables-fixtures.js';
import { hasCommand, testNeeding } from './test-needing.js';

const isRoot = process.getuid?.() === 0;
const withNft = testNeeding('root, nft and ip (nftables checks in a network namespace)', isRoot && hasCommand('nft') && hasCommand('ip'));
const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'thrice-nft-check-'));
// `nft -c` loads nothing, but a fresh namespace keeps the check independent of the machine's own ruleset.
const netns = `thrice-nftc-${randomBytes(4).toString('hex')}`;
let netnsMade = false;

beforeAll(() => {
  if (!isRoot || !hasCommand('ip')) return;
  execFileSync('ip', ['netns', 'add', netns]);
  netnsMade = true;
});
afterAll(() => {
  if (netnsMade) spawnSync('ip', ['netns', 'del', netns]);
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `nft -c -f` on a ruleset; exit 0 means nft and the kernel accepted every line. */
function nftCheck(name: string, contents: string): { status: number | null; output: string } {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
  const run = spawnSync('ip', ['netns', 'exec', netns, 'nft', '-c', '-f', path], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}` };
}

/**
 * Whether the kernel can track connections of bridged traffic (`ct` in a bridge table needs
 * nf_conntrack_bridge, CONFIG_NF_CONNTRACK_BRIDGE). Without it the kernel answers `ct` rules in a bridge
 * table with "Protocol error" after nft has parsed and typed them; nothing a test can install fixes that.
 */
let bridgeConntrack: boolean | undefined;
function kernelTracksBridgedTraffic(): boolean {
  bridgeConntrack ??=
    nftCheck('probe.nft', 'table bridge thrice_probe {\n\tchain c {\n\t\ttype filter hook forward priority filter;\n\t\tct state established accept\n\t}\n}\n').status === 0;
  return bridgeConntrack;
}

/**
 * The errors of a check, less those that only say the kernel lacks bridge connection tracking: a
 * "Protocol error" on a `ct` rule inside the bridge table. The kernel goes on validating the rest of
 * the batch after an error, so every other line is still checked.
 */
function realRejections(contents: string, output: string): string[] {
  const lines = contents.split('\n');
  const bridgeStart = lines.indexOf('table bridge thrice {');
  return output
    .split('\n')
    .filter((l) => / Error: /.test(l))
    .filter((l) => {
      const at = /:(\d+):\d+(?:-\d+)?: Error: Could not process rule: Protocol error$/.exec(l);
      if (!at || kernelTracksBridgedTraffic()) return true;
      const lineNo = Number(at[1]);
      return !(bridgeStart >= 0 && lineNo > bridgeStart + 1 && (lines[lineNo - 1] ?? '').trim().startsWith('ct state '));
    });
}

function expectAccepted(name: string, contents: string): void {
  const { status, output } = nftCheck(name, contents);
  if (status === 0) return;
  expect(realRejections(contents, output), `nft -c rejected ${name}:\n${output}\n--- ${name} ---\n${contents}`).toEqual([]);
  expect(kernelTracksBridgedTraffic(), 'only a kernel without bridge conntrack may reject ct rules').toBe(false);
}

describe('the nft -c check itself', () => {
  withNft('rejects a ruleset with a bad prefix (so a pass means something)', () => {
    const { status, output } = nftCheck('broken.nft', 'table inet thrice {\n\tchain c {\n\t\tip saddr 10.1.1.0/33 drop\n\t}\n}\n');
    expect(status, output).not.toBe(0);
    expect(realRejections('', output).length).toBeGreaterThan(0);
  });

  withNft('rejects a chain named like a DNS label that starts with a digit (why firewall chains are fw_<name>)', () => {
    expect(nftCheck('digit.nft', 'table inet thrice {\n\tchain 1core {\n\t}\n}\n').status).not.toBe(0);
  });
});

describe.each([
  ['VTEPs on the leaves', nftablesTopology()],
  ['VTEPs on the hosts', nftablesTopologyHostVteps()],
  ['63-character names', nftablesTopologyLongNames()],
] as const)('nft -c accepts every ruleset of the fixture with %s', (variant, ir) => {
  for (const file of nftablesEmitter.emit(ir)) {
    withNft(file.path, () => expectAccepted(join(variant.replaceAll(' ', '-'), file.path), file.contents));
  }
});

/** Builds an example as the CLI would (its lock file, manifests relative to the spec). */
function exampleIR(name: string): TopologyIR | undefined {
  const spec = `examples/${name}`;
  const lockPath = spec.replace(/\.ya?ml$/, '.lock.yaml');
  const lock = existsSync(join(root, lockPath)) ? { file: lockPath, text: readFileSync(join(root, lockPath), 'utf8') } : undefined;
  const host = fileSystemHost(join(root, spec), (p) => relative(root, p));
  return buildTopology({ spec: { file: spec, text: readFileSync(join(root, spec), 'utf8') }, lock, host }).ir;
}

const examples = readdirSync(join(root, 'examples'))
  .filter((f) => /\.ya?ml$/.test(f) && !f.includes('.lock.'))
  .sort();

describe.each(examples)('nft -c accepts every ruleset of examples/%s', (example) => {
  const ir = exampleIR(example);
  it('builds', () => expect(ir).toBeDefined());
  for (const file of ir ? nftablesEmitter.emit(ir) : []) {
    withNft(file.path, () => expectAccepted(join(example, file.path), file.contents));
  }
});
