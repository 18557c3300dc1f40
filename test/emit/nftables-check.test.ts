// Every generated ruleset must pass `nft -c` (parsed by nft, validated by the kernel, never loaded), in a throwaway network namespace.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import { buildTopology } from '../../src/compile/pipeline.js';
import { fileSystemHost } from '../../src/cli/file-system-host.js';
import { nftablesEmitter } from '../../src/emit/nftables/nftables-emitter.js';
import { nftablesTopology, nftablesTopologyHostVteps, nftablesTopologyLongNames } from '../helpers/nftables-fixtures.js';
import { hasCommand, testNeeding } from './test-needing.js';
import { NftChecker } from '../helpers/nft-checker.js';

const isRoot = process.getuid?.() === 0;
const withNft = testNeeding('root, nft and ip (nftables checks in a network namespace)', isRoot && hasCommand('nft') && hasCommand('ip'));
const root = new URL('../../', import.meta.url).pathname;
const nft = new NftChecker();

beforeAll(() => {
  if (isRoot && hasCommand('ip')) nft.open();
});
afterAll(() => nft.close());

const nftCheck = (name: string, contents: string) => nft.check(name, contents);

function expectAccepted(name: string, contents: string): void {
  const { status, output } = nftCheck(name, contents);
  if (status === 0) return;
  expect(nft.rejections(contents, output), `nft -c rejected ${name}:\n${output}\n--- ${name} ---\n${contents}`).toEqual([]);
  expect(nft.tracksBridgedTraffic(), 'only a kernel without bridge conntrack may reject ct rules').toBe(false);
}

describe('the nft -c check itself', () => {
  withNft('rejects a ruleset with a bad prefix (so a pass means something)', () => {
    const { status, output } = nftCheck('broken.nft', 'table inet thrice {\n\tchain c {\n\t\tip saddr 10.1.1.0/33 drop\n\t}\n}\n');
    expect(status, output).not.toBe(0);
    expect(nft.rejections('', output).length).toBeGreaterThan(0);
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
  const host = fileSystemHost(join(root, spec), { display: (p) => relative(root, p) });
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
