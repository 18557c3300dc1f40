// `thrice lab` on a numbered fabric with every `fabric.bgp` field (password from the environment, GTSM, BFD, maximum-prefix): sessions and BFD come up, a wrong password keeps them down. Needs root.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { askDaemon } from '../../src/lab/frr-vty-client.js';
import { frrPaths } from '../../src/lab/frr-daemons.js';
import { asRoot, withVerifiedLab } from './lab-run.js';

const PASSWORD_ENV = 'THRICE_LAB_TEST_BGP_PASSWORD';
const dir = mkdtempSync(join(tmpdir(), 'thrice-bgph-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Numbered /31 links (the two-tier example covers unnumbered), BFD with FRR's default timers. */
const SPEC = `thrice: 1
name: hardened
fabric:
  loopbacks: 10.255.0.0/16
  links: 10.254.0.0/16
  asn: {spine: 65000, leaf: 65100-65999}
  spines: 2
  leaves: 2
  bgp:
    password: {env: ${PASSWORD_ENV}}
    maximumPrefix: {ipv4: 16}
    bfd: true
    ttlSecurity: true
`;

/** Configures bgpd of one lab switch through vtysh on the lab's own vty sockets. */
function configure(labDir: string, sw: string, commands: readonly string[]): void {
  execFileSync('vtysh', ['--vty_socket', frrPaths(labDir, sw).dir, '-c', 'configure terminal', ...commands.flatMap((c) => ['-c', c])], { stdio: 'pipe', timeout: 20_000 });
}

interface NeighborJson {
  readonly bgpState?: string;
  readonly peerBfdInfo?: { readonly status?: string };
}

describe('a hardened numbered fabric in the lab', { timeout: 240_000 }, () => {
  asRoot('every session is established with the password and GTSM, and every BFD session is up', async () => {
    const spec = join(dir, 'hardened.yaml');
    writeFileSync(spec, SPEC);
    process.env[PASSWORD_ENV] = 'lab-test-Passw0rd';
    try {
      // withVerifiedLab waits for convergence, which with `bfd` includes every BFD session being up.
      await withVerifiedLab('bgph', spec, async (verified, example, lab) => {
        expect(verified.convergedIn).toBeGreaterThanOrEqual(0);
        const leaf = example.ir.fabric?.switches.find((s) => s.name === 'leaf1');
        expect(leaf).toBeDefined();
        const paths = frrPaths(lab.dir, 'leaf1');
        const neighbors = JSON.parse(await askDaemon(paths.vty('bgpd'), 'show bgp neighbors json')) as Record<string, NeighborJson>;
        for (const iface of leaf?.interfaces ?? []) {
          const n = neighbors[iface.peerAddress ?? ''];
          expect(n?.bgpState, iface.name).toBe('Established');
          expect(n?.peerBfdInfo?.status, iface.name).toBe('Up');
        }
        const frrConf = example.outputs.find((f) => f.path === 'fabric/leaf1/frr.conf');
        expect(frrConf?.secret).toBe(true);
        expect(frrConf?.contents).toContain(' neighbor fabric password lab-test-Passw0rd\n');
        expect(frrConf?.contents).toContain(' neighbor fabric ttl-security hops 1\n');

        // Control: the password is enforced by the kernel (TCP-MD5), not merely configured. leaf1 with another
        // password and its sessions reset never comes back, while leaf2's sessions stay up.
        configure(lab.dir, 'leaf1', [`router bgp ${leaf?.asn}`, 'neighbor fabric password some-other-password']);
        execFileSync('vtysh', ['--vty_socket', paths.dir, '-c', 'clear bgp *'], { stdio: 'pipe', timeout: 20_000 });
        await new Promise((r) => setTimeout(r, 15_000));
        const after = JSON.parse(await askDaemon(paths.vty('bgpd'), 'show bgp neighbors json')) as Record<string, NeighborJson>;
        for (const iface of leaf?.interfaces ?? []) expect(after[iface.peerAddress ?? '']?.bgpState, iface.name).not.toBe('Established');
        const leaf2 = JSON.parse(await askDaemon(frrPaths(lab.dir, 'leaf2').vty('bgpd'), 'show bgp neighbors json')) as Record<string, NeighborJson>;
        expect(Object.values(leaf2).map((n) => n.bgpState)).toEqual(['Established', 'Established']);
      });
    } finally {
      delete process.env[PASSWORD_ENV];
    }
  });
});
