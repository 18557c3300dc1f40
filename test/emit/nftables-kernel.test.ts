// Loads generated rulesets for real into throwaway network namespaces: the kernel holds what the file says, and real TCP connections get the verdicts the rules promise.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import { nftablesEmitter } from '../../src/emit/nftables/nftables-emitter.js';
import { any, firewallOf, firewallRule, k8s1, nftablesTopology, port } from '../helpers/nftables-fixtures.js';
import { hasCommand, testNeeding } from './test-needing.js';

const isRoot = process.getuid?.() === 0;
const asRoot = testNeeding('root, nft and ip (network namespaces)', isRoot && hasCommand('nft') && hasCommand('ip'));
const dir = mkdtempSync(join(tmpdir(), 'thrice-nft-kernel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (cmd: string, ...args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const ip = (...args: string[]): string => run('ip', ...args);
const inNs = (netns: string, ...args: string[]): string => run('ip', 'netns', 'exec', netns, ...args);

/** Creates namespaces with random names, runs `body`, and deletes them whatever happens. */
function withNamespaces(count: number, body: (...names: string[]) => void | Promise<void>): Promise<void> | void {
  const names = Array.from({ length: count }, () => `thrice-nft-${randomBytes(4).toString('hex')}`);
  const made: string[] = [];
  const cleanup = () => made.forEach((n) => spawnSync('ip', ['netns', 'del', n]));
  try {
    for (const n of names) {
      ip('netns', 'add', n);
      made.push(n);
      ip('-n', n, 'link', 'set', 'lo', 'up');
    }
    const result = body(...names);
    if (result instanceof Promise) return result.finally(cleanup);
    cleanup();
    return undefined;
  } catch (error) {
    cleanup();
    throw error;
  }
}

/** A veth pair between two namespaces, each end up with its address. */
function cable(a: { ns: string; dev: string; address: string }, b: { ns: string; dev: string; address: string }): void {
  ip('-n', a.ns, 'link', 'add', a.dev, 'type', 'veth', 'peer', 'name', b.dev, 'netns', b.ns);
  for (const end of [a, b]) {
    ip('-n', end.ns, 'addr', 'add', end.address, 'dev', end.dev);
    ip('-n', end.ns, 'link', 'set', end.dev, 'up');
  }
}

function loadRuleset(netns: string, name: string, contents: string): void {
  const path = join(dir, `${netns}-${name}`);
  writeFileSync(path, contents);
  inNs(netns, 'nft', '-f', path);
}

/** Whether the kernel tracks bridged connections (nf_conntrack_bridge); `ct` in a bridge table needs it. */
function kernelTracksBridgedTraffic(): boolean {
  if (!isRoot || !hasCommand('nft') || !hasCommand('ip')) return false;
  let ok = false;
  withNamespaces(1, (ns) => {
    const probe = 'table bridge p {\n\tchain c {\n\t\ttype filter hook forward priority filter;\n\t\tct state established accept\n\t}\n}\n';
    ok = spawnSync('ip', ['netns', 'exec', ns, 'nft', '-c', '-f', '-'], { input: probe }).status === 0;
  });
  return ok;
}

interface NftJsonItem {
  readonly table?: { readonly family: string; readonly name: string };
  readonly chain?: { readonly family: string; readonly table: string; readonly name: string };
  readonly rule?: { readonly family: string; readonly table: string; readonly chain: string; readonly comment?: string };
}

/** `family table chain` → the comments of its rules in order, as the kernel lists them. */
function listedComments(netns: string): Map<string, string[]> {
  const items = (JSON.parse(inNs(netns, 'nft', '-j', 'list', 'ruleset')) as { nftables: NftJsonItem[] }).nftables;
  const chains = new Map<string, string[]>();
  for (const { chain, rule } of items) {
    if (chain) chains.set(`${chain.family} ${chain.table} ${chain.name}`, []);
    if (rule) chains.get(`${rule.family} ${rule.table} ${rule.chain}`)?.push(rule.comment ?? '');
  }
  return chains;
}

/** The same map read from the file: chains by table, each rule's comment. */
function fileComments(contents: string): Map<string, string[]> {
  const chains = new Map<string, string[]>();
  let table = '';
  let chain: string[] | undefined;
  for (const line of contents.split('\n')) {
    const t = /^table (\w+ \w+) \{$/.exec(line);
    if (t) table = t[1] as string;
    const c = /^\tchain (\S+) \{$/.exec(line);
    if (c) chains.set(`${table} ${c[1]}`, (chain = []));
    const r = /^\t\t[^#].* comment "([^"]*)"$/.exec(line);
    if (r && chain) chain.push(r[1] as string);
  }
  return chains;
}

const bridgeConntrack = kernelTracksBridgedTraffic();

describe('every fixture ruleset loads into a namespace, twice, and the kernel lists exactly its chains and rules', () => {
  for (const file of nftablesEmitter.emit(nftablesTopology())) {
    // Hypervisor security groups (and host firewalls) are stateful in a bridge table; nft -c covers them
    // everywhere, loading them needs nf_conntrack_bridge, which no package can add to a kernel.
    const needsBridgeConntrack = /^table bridge thrice \{$[\s\S]*^\t\tct state /m.test(file.contents);
    if (needsBridgeConntrack && !bridgeConntrack) {
      it.skip(`${file.path} (needs a kernel with nf_conntrack_bridge)`, () => undefined);
      continue;
    }
    asRoot(file.path, () =>
      withNamespaces(1, (ns) => {
        loadRuleset(ns, 'ruleset.nft', file.contents);
        loadRuleset(ns, 'ruleset.nft', file.contents); // the reload idiom: the second load replaces, never adds
        expect(listedComments(ns)).toEqual(fileComments(file.contents));
      }),
    );
  }
});

/** TCP listeners on `ports` inside a namespace, answering `ok`; resolves once they listen. */
async function listen(netns: string, ports: readonly number[]): Promise<ChildProcess> {
  const code = `const net = require('net'); let n = 0; const ports = process.argv.slice(1);
    for (const p of ports) net.createServer((s) => s.end('ok')).listen(Number(p), '0.0.0.0', () => { if (++n === ports.length) console.log('listening'); });`;
  const server = spawn('ip', ['netns', 'exec', netns, process.execPath, '-e', code, ...ports.map(String)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (d: Buffer) => d.toString().includes('listening') && resolve());
    server.on('exit', (status) => reject(new Error(`listener in ${netns} exited (${status})`)));
  });
  return server;
}

/** `connected`, or why not (`timeout` when a filter dropped the packets), from a namespace to `address:port`. */
function connect(netns: string, address: string, port: number): string {
  const code = `const s = require('net').connect(Number(process.argv[2]), process.argv[1]);
    s.setTimeout(1500, () => { console.log('timeout'); process.exit(0); });
    s.on('data', (d) => { console.log(d.toString() === 'ok' ? 'connected' : 'odd'); process.exit(0); });
    s.on('error', (e) => { console.log(e.code); process.exit(0); });`;
  return inNs(netns, process.execPath, '-e', code, address, String(port)).trim();
}

async function withListener(netns: string, ports: readonly number[], body: () => void): Promise<void> {
  const server = await listen(netns, ports);
  try {
    body();
  } finally {
    server.kill();
  }
}

const rulesetFor = (ir: TopologyIR, device: string): string => {
  const file = nftablesEmitter.emit(ir).find((f) => f.path === `nftables/${device}.nft`);
  if (!file) throw new Error(`no ruleset for ${device}`);
  return file.contents;
};

describe('real packets', () => {
  asRoot('a spine ruleset (stateless db-acl) drops nodes -> db tcp/5432 and routes tcp/5433', () =>
    withNamespaces(3, async (node, spine, database) => {
      cable({ ns: node, dev: 'eth0', address: '10.1.1.5/24' }, { ns: spine, dev: 'swp1', address: '10.1.1.1/24' });
      cable({ ns: spine, dev: 'swp2', address: '10.1.2.1/24' }, { ns: database, dev: 'eth0', address: '10.1.2.10/24' });
      ip('-n', node, 'route', 'add', 'default', 'via', '10.1.1.1');
      ip('-n', database, 'route', 'add', 'default', 'via', '10.1.2.1');
      inNs(spine, 'sysctl', '-q', '-w', 'net.ipv4.ip_forward=1');
      loadRuleset(spine, 'spine1.nft', rulesetFor(nftablesTopology(), 'spine1'));
      await withListener(database, [5432, 5433], () => {
        expect(connect(node, '10.1.2.10', 5433)).toBe('connected');
        expect(connect(node, '10.1.2.10', 5432)).toBe('timeout');
      });
      // The drop is db-acl rule 1's, as its counter shows.
      expect(inNs(spine, 'nft', 'list', 'chain', 'inet', 'thrice', 'fw_db-acl')).toMatch(/counter packets [1-9]\d* bytes \d+ drop comment "db-acl rule 1"/);
    }),
  );

  asRoot('a VM ruleset (stateful, default deny) lets replies of allowed connections out, and nothing new', () => {
    // Inside k8s-1 only `any -> vm:k8s-1 tcp 8080` is allowed: its SYN-ACKs leave only because they are replies.
    const ir: TopologyIR = {
      ...nftablesTopology(),
      firewalls: [firewallOf('k8s-1-in', { kind: 'vm', target: 'k8s-1' }, ['k8s-1'], 'deny', [firewallRule('allow', any, k8s1, 'tcp', [port(8080)])])],
    };
    return withNamespaces(2, async (client, vm) => {
      cable({ ns: client, dev: 'eth0', address: '10.1.1.5/24' }, { ns: vm, dev: 'eth0', address: '10.1.1.11/24' });
      loadRuleset(vm, 'k8s-1.nft', rulesetFor(ir, 'k8s-1'));
      await withListener(vm, [8080, 8081], () => {
        expect(connect(client, '10.1.1.11', 8080)).toBe('connected');
        expect(connect(client, '10.1.1.11', 8081)).toBe('timeout');
      });
      await withListener(client, [8080], () => {
        expect(connect(vm, '10.1.1.5', 8080)).toBe('timeout');
      });
    });
  });
});
