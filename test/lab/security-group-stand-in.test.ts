// The security-group stand-in: the emitter's own chains, in a table of their own, hooked on the VM's interface.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { STAND_IN_TABLE, securityGroupStandIn } from '../../src/lab/security-group-stand-in.js';
import { compileExample } from './lab-fixtures.js';
import { hasCommand, testNeeding } from '../emit/test-needing.js';

const example = compileExample();
const hv2 = example.outputs.find((f) => f.path === 'nftables/hv2.nft')?.contents ?? '';

/** The body of one chain as nft text, from `chain <name> {` to its closing brace. */
const chain = (text: string, name: string) => text.match(new RegExp(`\\tchain ${name} \\{\\n[\\s\\S]*?\\n\\t\\}`))?.[0];

describe('security groups loaded in the VM when the bridge has no conntrack', () => {
  const text = securityGroupStandIn(example.ir, 'pg-1');

  it('carries the chains of the hypervisor ruleset unchanged', () => {
    for (const name of ['sg_pg-1_ingress', 'sg_pg-1_egress']) {
      expect(chain(hv2, name), name).toBeDefined();
      expect(chain(text, name)).toBe(chain(hv2, name));
    }
  });

  it('hooks them on the VM interface, before DNAT and after masquerade, in a table a VM firewall does not own', () => {
    expect(text).toContain(`table ${STAND_IN_TABLE} {`);
    expect(text).not.toMatch(/^table inet thrice \{/m);
    expect(text).toContain('type filter hook prerouting priority -150; policy accept;');
    expect(text).toContain('iifname "eth0" jump sg_pg-1_ingress');
    expect(text).toContain('type filter hook postrouting priority 110; policy accept;');
    expect(text).toContain('oifname "eth0" jump sg_pg-1_egress');
  });

  const asRoot = testNeeding('root and nft', process.getuid?.() === 0 && hasCommand('nft') && hasCommand('unshare'));
  asRoot('passes nft -c in a throwaway network namespace', () => {
    for (const vm of ['k8s-1', 'k8s-2', 'k8s-3', 'pg-1']) {
      const r = spawnSync('unshare', ['--net', 'nft', '-c', '-f', '-'], { input: securityGroupStandIn(example.ir, vm), encoding: 'utf8' });
      expect(r.status, `${vm}: ${r.stderr}`).toBe(0);
    }
  });
});
