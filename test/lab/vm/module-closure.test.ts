// Module load order for the lab VM's initramfs: dependencies first, builtins skipped, unknown names reported.
import { describe, expect, it } from 'vitest';
import { moduleClosure, parseModuleIndex } from '../../../src/lab/vm/module-closure.js';

const DEP = [
  'kernel/net/8021q/8021q.ko: kernel/net/802/garp.ko kernel/net/802/mrp.ko kernel/net/802/stp.ko kernel/net/llc/llc.ko',
  'kernel/net/802/garp.ko: kernel/net/802/stp.ko kernel/net/llc/llc.ko',
  'kernel/net/802/mrp.ko:',
  'kernel/net/802/stp.ko: kernel/net/llc/llc.ko',
  'kernel/net/llc/llc.ko:',
  'kernel/net/bridge/bridge.ko: kernel/net/802/stp.ko kernel/net/llc/llc.ko',
  'kernel/net/bridge/netfilter/nf_conntrack_bridge.ko: kernel/net/netfilter/nf_conntrack.ko kernel/net/bridge/bridge.ko kernel/net/802/stp.ko kernel/net/llc/llc.ko',
  'kernel/net/netfilter/nf_conntrack.ko:',
  '',
].join('\n');

describe('moduleClosure', () => {
  const index = parseModuleIndex(DEP, 'kernel/fs/overlayfs/overlay.ko\n');

  it('puts every dependency before the module that needs it, each once', () => {
    const { order, unknown } = moduleClosure(index, ['8021q', 'nf_conntrack_bridge']);
    expect(unknown).toEqual([]);
    expect(new Set(order).size).toBe(order.length);
    for (const [name, entry] of index.modules) {
      if (!order.includes(name)) continue;
      for (const dep of entry.deps) expect(order.indexOf(dep), `${dep} before ${name}`).toBeLessThan(order.indexOf(name));
    }
    expect(order.at(-1)).toBe('nf_conntrack_bridge');
  });

  it('skips builtins and reports names the kernel does not have', () => {
    expect(moduleClosure(index, ['overlay', 'no-such-module'])).toEqual({ order: [], unknown: ['no_such_module'] });
  });

  it('treats dashes and underscores in module names alike', () => {
    const dashed = parseModuleIndex('kernel/drivers/net/vxlan/vxlan.ko: kernel/net/ipv4/udp_tunnel.ko\nkernel/net/ipv4/udp_tunnel.ko:\n');
    expect(moduleClosure(dashed, ['udp-tunnel', 'vxlan']).order).toEqual(['udp_tunnel', 'vxlan']);
  });
});
