// `thrice lab` on examples/overlapping-vpcs.yaml: switch kernel settings as interfaces.sh and overlay-netns.sh set them, and hypervisors reaching each other on the underlay. Needs root.
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { deviceNetns } from '../../src/lab/lab-names.js';
import { tryInNetns, tryInNetnsAt } from '../../src/lab/netns.js';
import { tenantDir } from '../../src/lab/tenant-namespaces.js';
import { PYTHON_ICMP } from '../../src/lab/verify/probe-agent-source.js';
import { asRoot, expectVerifyAgrees, withVerifiedLab } from './lab-run.js';

const OVERLAPPING = new URL('../../examples/overlapping-vpcs.yaml', import.meta.url).pathname;

describe('switch settings and the hypervisor underlay in the lab', { timeout: 300_000 }, () => {
  asRoot('every switch hashes ECMP on L4 ports, L3 VNI bridges have no IPv6 address, hypervisors ping each other', async () => {
    await withVerifiedLab('swset', OVERLAPPING, (verified, example, lab) => {
      expectVerifyAgrees(verified);
      const fabric = example.ir.fabric!;
      for (const sw of fabric.switches) {
        const hash = tryInNetns(deviceNetns(lab.name, sw.name), 'sysctl', ['-n', 'net.ipv4.fib_multipath_hash_policy']);
        expect(hash.stdout.trim(), sw.name).toBe('1');
      }
      for (const vpc of example.ir.overlay.vpcs) {
        for (const leaf of vpc.leaves) {
          const tenant = join(tenantDir(lab.dir), `${leaf}--${vpc.vrf}`);
          const link = tryInNetnsAt(tenant, 'ip', ['-d', '-j', 'link', 'show', 'dev', vpc.l3Bridge]);
          expect(link.status, link.stderr).toBe(0);
          const [linkInfo] = JSON.parse(link.stdout) as { inet6_addr_gen_mode?: string }[];
          expect(linkInfo?.inet6_addr_gen_mode, `${leaf} ${vpc.l3Bridge}`).toBe('none');
          const addresses = tryInNetnsAt(tenant, 'ip', ['-j', 'addr', 'show', 'dev', vpc.l3Bridge]);
          const [addrInfo] = JSON.parse(addresses.stdout) as { addr_info: { family: string }[] }[];
          expect(addrInfo?.addr_info.filter((a) => a.family === 'inet6'), `${leaf} ${vpc.l3Bridge}`).toEqual([]);
        }
      }
      // Each hypervisor reaches every other one's underlay address from its own, through leaves and spines.
      for (const from of fabric.hosts) {
        for (const to of fabric.hosts.filter((h) => h !== from)) {
          const ping = tryInNetns(deviceNetns(lab.name, from.name), 'python3', ['-c', PYTHON_ICMP, to.address, from.address, '3000']);
          expect(ping.status, ping.stderr).toBe(0);
          expect(JSON.parse(ping.stdout), `${from.name} -> ${to.name}`).toMatchObject({ ok: true });
        }
      }
    });
  });
});
