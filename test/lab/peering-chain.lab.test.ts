// Lab: peerings stay one hop in FRR itself. With the generated `import vrf` lines given back to bgpd (the lab's daemons
// start without them), no VRF of alpha holds charlie's routes or the reverse; without the generated route-maps they would.
import { execFileSync } from 'node:child_process';
import { describe, expect } from 'vitest';
import { askDaemon } from '../../src/lab/frr-vty-client.js';
import { frrPaths } from '../../src/lab/frr-daemons.js';
import type { OutputFile } from '../../src/emit/emitter.js';
import { asRoot, withVerifiedLab } from './lab-run.js';

const SPEC = new URL('../../examples/peering-chain.yaml', import.meta.url).pathname;
const ALPHA = '10.11.1.0/24';
const BRAVO = '10.12.1.0/24';
const CHARLIE = '10.13.1.0/24';

/** Each switch's `import vrf` lines, as `[asn, vrf, peer]`, from the generated frr.conf. */
function importVrfLines(outputs: readonly OutputFile[]): Map<string, [string, string, string][]> {
  const bySwitch = new Map<string, [string, string, string][]>();
  for (const file of outputs) {
    const sw = /^fabric\/([^/]+)\/frr\.conf$/.exec(file.path)?.[1];
    if (!sw) continue;
    let vrf: [string, string] | undefined;
    const lines: [string, string, string][] = [];
    for (const line of file.contents.split('\n')) {
      const head = /^router bgp (\d+)(?: vrf (\S+))?$/.exec(line);
      if (head) vrf = head[2] ? [head[1] as string, head[2]] : undefined;
      const leak = /^ {2}import vrf (\S+)$/.exec(line);
      if (leak && vrf && leak[1] !== 'route-map') lines.push([...vrf, leak[1] as string]);
    }
    if (lines.length > 0) bySwitch.set(sw, lines);
  }
  return bySwitch;
}

/** Configures bgpd of one lab switch through vtysh on the lab's own vty sockets. */
function configure(labDir: string, sw: string, commands: readonly string[]): void {
  execFileSync('vtysh', ['--vty_socket', frrPaths(labDir, sw).dir, '-c', 'configure terminal', ...commands.flatMap((c) => ['-c', c])], { stdio: 'pipe', timeout: 20_000 });
}

/** The prefixes in a VRF's BGP table on one switch, each with the VRFs its paths were leaked from (`import vrf`). */
async function vrfPrefixes(labDir: string, sw: string, vrf: string): Promise<Map<string, Set<string>>> {
  const json = JSON.parse(await askDaemon(frrPaths(labDir, sw).vty('bgpd'), `show bgp vrf ${vrf} ipv4 unicast json`)) as {
    routes?: Record<string, { nhVrfName?: string }[]>;
  };
  const leakedFrom = (paths: { nhVrfName?: string }[]) => new Set(paths.flatMap((p) => (p.nhVrfName && p.nhVrfName !== vrf && p.nhVrfName !== 'default' ? [p.nhVrfName] : [])));
  return new Map(Object.entries(json.routes ?? {}).map(([prefix, paths]) => [prefix, leakedFrom(paths)]));
}

async function until(ready: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('examples/peering-chain.yaml in the lab', { timeout: 240_000 }, () => {
  asRoot('alpha and charlie, both peered with bravo, get no route to each other on any switch, as check predicts', async () => {
    await withVerifiedLab('pchn', SPEC, async (verified, example, lab) => {
      // Probes: north-south agrees; probes between VPCs cannot be made with namespace VRFs, and say so.
      for (const row of verified.rows) {
        expect(row.differing, row.intent.name).toEqual([]);
        for (const o of row.outcomes.filter((x) => x.observed === 'skipped')) expect(o.detail).toMatch(/^goes from VPC \w+ to VPC \w+: /);
      }
      expect(verified.rows.find((r) => r.intent.name === 'outside-to-charlie')?.outcomes.map((o) => o.observed)).toEqual(['allow']);

      // Give bgpd the `import vrf` lines the lab left out: route leaking is bgpd's, whatever holds the VRF.
      const leaks = importVrfLines(example.outputs);
      expect([...leaks.keys()].sort()).toEqual(['border1', 'leaf1', 'leaf2', 'leaf3']);
      for (const [sw, lines] of leaks) {
        configure(lab.dir, sw, lines.flatMap(([asn, vrf, peer]) => [`router bgp ${asn} vrf ${vrf}`, 'address-family ipv4 unicast', `import vrf ${peer}`, 'exit-address-family', 'exit']));
      }
      // leaf1 carries all three VRFs with VMs of alpha and bravo: bravo leaks alpha's subnet in locally.
      await until(async () => (await vrfPrefixes(lab.dir, 'leaf1', 'bravo')).get(ALPHA)?.has('alpha') === true, 'bravo on leaf1 leaks alpha\'s subnet in');
      await until(async () => (await vrfPrefixes(lab.dir, 'leaf2', 'bravo')).get(CHARLIE)?.has('charlie') === true, 'bravo on leaf2 leaks charlie\'s subnet in');

      const serving: Record<string, string[]> = { alpha: ['leaf1', 'leaf2', 'border1'], bravo: ['leaf1', 'leaf2', 'leaf3', 'border1'], charlie: ['leaf1', 'leaf2', 'leaf3', 'border1'] };
      const wanted: Record<string, string[]> = { alpha: [ALPHA, BRAVO], bravo: [ALPHA, BRAVO, CHARLIE], charlie: [BRAVO, CHARLIE] };
      const tables = async (vrf: string) => Object.fromEntries(await Promise.all((serving[vrf] ?? []).map(async (sw) => [sw, [...(await vrfPrefixes(lab.dir, sw, vrf)).keys()]] as const)));
      const complete = async () => {
        for (const vrf of Object.keys(serving)) for (const held of Object.values(await tables(vrf))) if (!(wanted[vrf] ?? []).every((p) => held.includes(p))) return false;
        return true;
      };
      await until(complete, 'every VRF holds its own and its peers\' subnets');
      // Settle: whatever bravo's VRFs would hand on has had time to arrive (BGP here converges in well under a second).
      await new Promise((r) => setTimeout(r, 3000));
      const alpha = await tables('alpha');
      const charlie = await tables('charlie');
      // The intent: nothing of the other end, and no default route handed on through bravo's VRF either.
      for (const sw of serving.alpha ?? []) expect(alpha[sw]?.filter((p) => p.startsWith('10.13.')), `alpha on ${sw}`).toEqual([]);
      for (const sw of serving.charlie ?? []) expect(charlie[sw]?.filter((p) => p.startsWith('10.11.')), `charlie on ${sw}`).toEqual([]);
      for (const vrf of ['alpha', 'charlie']) {
        for (const sw of ['leaf1', 'leaf2']) expect([...((await vrfPrefixes(lab.dir, sw, vrf)).get('0.0.0.0/0') ?? [])], `${vrf}'s default on ${sw} is not bravo's, leaked`).toEqual([]);
      }

      // Control: without the route-maps FRR makes the peering transitive, as its own rules say. bravo re-advertises
      // alpha's leaked subnet under its route target (leaf1), and `import vrf` hands on bravo's EVPN routes (leaf2).
      configure(lab.dir, 'leaf1', ['router bgp 65100 vrf bravo', 'address-family l2vpn evpn', 'no advertise ipv4 unicast', 'advertise ipv4 unicast']);
      configure(lab.dir, 'leaf2', ['router bgp 65101 vrf charlie', 'address-family ipv4 unicast', 'no import vrf route-map LEAK-IN-charlie']);
      await until(async () => (await vrfPrefixes(lab.dir, 'leaf3', 'charlie')).has(ALPHA), 'charlie on leaf3 learns alpha\'s subnet from bravo\'s type-5 routes');
      await until(async () => (await vrfPrefixes(lab.dir, 'leaf2', 'charlie')).get(ALPHA)?.has('bravo') === true, 'charlie on leaf2 leaks alpha\'s subnet through bravo');
    });
  });
});
