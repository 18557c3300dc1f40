// The pod-overlay.sh emitter end to end: which files, determinism, printed commands, sh -n, shellcheck and nft -c.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import { podOverlayEmitter } from '../../src/emit/iproute2/pod-overlay-emitter.js';
import { emptyTopology, hostVmTopology, reversedLists, threeLayerExample, withBackend } from '../helpers/host-vm-fixtures.js';
import { NamespaceLab } from '../helpers/host-vm-lab.js';
import { hasCommand, testNeeding } from './test-needing.js';
import { shellScriptChecks } from './shell-script-checks.js';

const nftMet = process.getuid?.() === 0 && hasCommand('ip') && hasCommand('nft');
const withNft = testNeeding('root, iproute2 and nftables (nft -c in a throwaway namespace)', nftMet);
const root = mkdtempSync(join(tmpdir(), 'thrice-pod-sh-'));
/** `nft -c` asks the kernel to check without committing; even so it runs in a namespace of its own. */
const lab = nftMet ? new NamespaceLab() : undefined;
let nftNetns: string | undefined;
const checkNamespace = (): string => {
  if (!lab) throw new Error('no lab');
  nftNetns ??= lab.add('nft-check');
  return nftNetns;
};
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  lab?.destroy();
});

const scriptOf = (topology: TopologyIR, node: string): string =>
  podOverlayEmitter.emit(topology).find((f) => f.path === `vms/${node}/pod-overlay.sh`)?.contents ?? '';
const commandsOf = (script: string): string[] => script.split('\n').filter((l) => /^(ip|bridge|ensure_link) /.test(l));
/** The nftables ruleset between `nft -f - <<'NFT'` and `NFT`. */
const rulesetOf = (script: string): string => /<<'NFT'\n([\s\S]*?)\nNFT\n/.exec(script)?.[1] ?? '';

describe('podOverlayEmitter', () => {
  it('writes one executable vms/<node>/pod-overlay.sh per cluster node, in name order', () => {
    expect(podOverlayEmitter.emit(hostVmTopology).map((f) => [f.path, f.executable])).toEqual(
      ['k8s-1', 'k8s-2', 'k8s-3'].map((n) => [`vms/${n}/pod-overlay.sh`, true]),
    );
  });

  it('writes nothing without clusters', () => {
    expect(podOverlayEmitter.emit(emptyTopology)).toEqual([]);
    expect(podOverlayEmitter.emit({ ...hostVmTopology, clusters: [] })).toEqual([]);
  });

  it('is deterministic and independent of input order', () => {
    const first = podOverlayEmitter.emit(hostVmTopology);
    expect(podOverlayEmitter.emit(reversedLists(hostVmTopology))).toEqual(first);
  });

  it('vxlan: cni0, then flannel.1, then per other node neighbour, FDB entry and onlink route', () => {
    const script = scriptOf(hostVmTopology, 'k8s-1');
    expect(commandsOf(script)).toEqual([
      `ensure_link 'cni0' type bridge`,
      `ip link set dev 'cni0' mtu '9116' up`,
      `ip addr replace '10.244.1.1/24' dev 'cni0'`,
      `ensure_link 'flannel.1' address '02:66:0a:01:01:02' type vxlan id '1' local '10.1.1.2' dev 'eth0' dstport '8472' nolearning`,
      `ip link set dev 'flannel.1' address '02:66:0a:01:01:02' mtu '9116' up`,
      `ip addr replace '10.244.1.0/32' dev 'flannel.1'`,
      `ip neigh replace '10.244.2.0' lladdr '02:66:0a:01:01:03' dev 'flannel.1' nud permanent`,
      `bridge fdb replace '02:66:0a:01:01:03' dev 'flannel.1' dst '10.1.1.3' self permanent`,
      `ip route replace '10.244.2.0/24' via '10.244.2.0' dev 'flannel.1' onlink proto '117'`,
      `ip neigh replace '10.244.3.0' lladdr '02:66:0a:01:01:04' dev 'flannel.1' nud permanent`,
      `bridge fdb replace '02:66:0a:01:01:04' dev 'flannel.1' dst '10.1.1.4' self permanent`,
      `ip route replace '10.244.3.0/24' via '10.244.3.0' dev 'flannel.1' onlink proto '117'`,
    ]);
    // It converges first: keeps its two devices, their addresses and the protocol-117 routes to the other nodes' pods
    // (117, not setup.sh's 116, so neither script prunes the other's routes)...
    expect(script).toContain(`\nTHRICE_OWNER='pod-overlay.sh'\nTHRICE_LABEL=''\n`);
    expect(script).toContain(
      [
        `prune_links_in '' <<'THRICE_KEEP'`,
        'cni0',
        'flannel.1',
        'THRICE_KEEP',
        `prune_addresses_in '' <<'THRICE_KEEP'`,
        'cni0 10.244.1.1/24',
        'flannel.1 10.244.1.0/32',
        'THRICE_KEEP',
        `prune_routes <<'THRICE_KEEP'`,
        '10.244.2.0/24',
        '10.244.3.0/24',
        'THRICE_KEEP',
      ].join('\n'),
    );
    expect(script.indexOf(`prune_links_in ''`)).toBeLessThan(script.indexOf(`ensure_link 'cni0'`));
    // ...and, once flannel.1 exists, drops the neighbours and FDB entries of nodes that are gone.
    expect(script).toContain(
      [
        `prune_neighbours 'flannel.1' <<'THRICE_KEEP'`,
        '10.244.2.0',
        '10.244.3.0',
        'THRICE_KEEP',
        `prune_fdb 'flannel.1' <<'THRICE_KEEP'`,
        '02:66:0a:01:01:03',
        '02:66:0a:01:01:04',
        'THRICE_KEEP',
        '',
      ].join('\n'),
    );
    expect(script.indexOf(`prune_neighbours 'flannel.1'`)).toBeGreaterThan(script.indexOf(`ensure_link 'flannel.1'`));
    expect(script.indexOf(`prune_fdb 'flannel.1'`)).toBeLessThan(script.indexOf(`ip neigh replace`));
    expect(script).toContain(`sysctl -q -w 'net.ipv4.ip_forward=1'\n`);
    expect(script.endsWith('\n') && !script.endsWith('\n\n')).toBe(true);
  });

  it('host-gw: cni0 and a route per other node via its VPC address, no VXLAN', () => {
    const script = scriptOf(withBackend(hostVmTopology, 'host-gw'), 'k8s-3');
    expect(commandsOf(script)).toEqual([
      `ensure_link 'cni0' type bridge`,
      `ip link set dev 'cni0' mtu '9166' up`,
      `ip addr replace '10.244.3.1/24' dev 'cni0'`,
      `ip route replace '10.244.1.0/24' via '10.1.1.2' dev 'eth0' proto '117'`,
      `ip route replace '10.244.2.0/24' via '10.1.1.3' dev 'eth0' proto '117'`,
    ]);
    expect(script).not.toContain('vxlan');
    // Converging keeps only cni0 (an earlier vxlan revision's flannel.1 goes) and the two routes.
    expect(script).toContain(`\nprune_links_in '' <<'THRICE_KEEP'\ncni0\nTHRICE_KEEP\n`);
    expect(script).toContain(`\nprune_routes <<'THRICE_KEEP'\n10.244.1.0/24\n10.244.2.0/24\nTHRICE_KEEP\n`);
    expect(script).not.toContain('prune_neighbours \'');
  });

  it('masquerade: one nft transaction declares the table, deletes it and loads it whole', () => {
    const script = scriptOf(hostVmTopology, 'k8s-2');
    expect(script).toContain(
      [
        `nft -f - <<'NFT'`,
        `table ip thrice-flannel {}`,
        `delete table ip thrice-flannel`,
        `table ip thrice-flannel {`,
      ].join('\n'),
    );
    expect(script).not.toContain('nft list');
    expect(script).not.toContain('nft delete');
    expect(rulesetOf(script)).toContain('    ip saddr 10.244.2.0/24 ip daddr 10.244.0.0/16 return\n');
  });

  it('wireguard: a script that says it is not generated and fails', () => {
    const script = scriptOf(withBackend(hostVmTopology, 'wireguard'), 'k8s-1');
    expect(script).toContain('# flannel\'s wireguard backend is not generated by thrice v1; run flanneld on this node instead (');
    expect(script).toContain('it creates flannel-wg on UDP 51820');
    expect(script.trimEnd().endsWith('exit 1')).toBe(true);
    expect(script).not.toMatch(/^ip /m);
  });
});

describe.each([
  ['hand-made fixture, vxlan', () => hostVmTopology],
  ['hand-made fixture, host-gw', () => withBackend(hostVmTopology, 'host-gw')],
  ['hand-made fixture, wireguard', () => withBackend(hostVmTopology, 'wireguard')],
  ['examples/three-layer.yaml', threeLayerExample],
] as const)('pod-overlay.sh of the %s', (fixture, topology) => {
  for (const file of podOverlayEmitter.emit(topology())) {
    shellScriptChecks(join(root, fixture), [file]);

    const ruleset = rulesetOf(file.contents);
    if (ruleset) {
      withNft(`${file.path}: nft -c accepts the masquerade ruleset`, () => {
        const netns = checkNamespace();
        const run = spawnSync('ip', ['netns', 'exec', netns, 'nft', '-c', '-f', '-'], { input: ruleset, encoding: 'utf8' });
        expect(run.status, `${run.stderr}\n--- ruleset ---\n${ruleset}`).toBe(0);
      });
    }
  }
});
