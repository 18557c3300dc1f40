// What this kernel can do, tried in a throwaway namespace: the lab adapts to missing VRF, dummy, 802.1Q and bridge conntrack.
import { randomBytes } from 'node:crypto';
import type { LabStateFile } from './lab-state.js';
import { addNetns, deleteNetns, labMark } from './netns.js';
import { tryCommand } from './run-command.js';

export interface KernelFeatures {
  readonly veth: boolean;
  readonly bridge: boolean;
  readonly vxlan: boolean;
  readonly nftables: boolean;
  /** VRF devices (CONFIG_NET_VRF): without them tenant VRFs are namespaces (overlay-netns.sh). */
  readonly vrf: boolean;
  /** Dummy devices: loopback addresses go on `lo` either way. */
  readonly dummy: boolean;
  /** 802.1Q subinterfaces: without them each VLAN of a trunk is a veth pair of its own. */
  readonly vlan: boolean;
  /** Conntrack in the bridge family (CONFIG_NF_CONNTRACK_BRIDGE): stateful security groups at a hypervisor's bridge. */
  readonly bridgeConntrack: boolean;
}

/** The features the lab cannot do without, with what to tell the user. */
export const REQUIRED: readonly (readonly [keyof KernelFeatures, string])[] = [
  ['veth', 'veth pairs (CONFIG_VETH): every cable of the lab is one'],
  ['bridge', 'Linux bridges (CONFIG_BRIDGE): VNIs, subnets and cni0 are bridges'],
  ['vxlan', 'VXLAN devices (CONFIG_VXLAN): both overlays are VXLAN'],
  ['nftables', 'nftables (CONFIG_NF_TABLES): the generated filters are nftables rulesets'],
];

/** The probe namespace's name: an older thrice left such namespaces unrecorded and unmarked, so the name is how they are known. */
export const probeNetnsPattern = (lab: string): RegExp => new RegExp(`^${lab}-probe-[0-9a-f]{6}$`);

/** Everything the probe creates in its namespace: one holding nothing else (and no mark) is a probe's. */
export const PROBE_LINKS: ReadonlySet<string> = new Set(['lo', 'probe0', 'probe1', 'probebr', 'probevx', 'probevrf', 'probedum', 'probe0.5']);

/** Recorded in the lab's state before it exists and forgotten once deleted, so a kill in between leaves it to `down`. */
export function probeKernel(state: LabStateFile): KernelFeatures {
  const { name, dir } = state.state;
  const netns = `${name}-probe-${randomBytes(3).toString('hex')}`;
  state.addNamespace(netns);
  try {
    addNetns(netns, labMark(name, dir));
    const ok = (...args: string[]): boolean => tryCommand('ip', ['-n', netns, ...args]).status === 0;
    const nft = (ruleset: string): boolean => tryCommand('ip', ['netns', 'exec', netns, 'nft', '-f', '-'], ruleset).status === 0;
    const veth = ok('link', 'add', 'probe0', 'type', 'veth', 'peer', 'name', 'probe1');
    return {
      veth,
      bridge: ok('link', 'add', 'probebr', 'type', 'bridge'),
      vxlan: ok('link', 'add', 'probevx', 'type', 'vxlan', 'id', '42', 'local', '192.0.2.1', 'dstport', '4789'),
      nftables: nft('table inet probe {\n chain c {\n  type filter hook forward priority 0; policy accept;\n  ct state established accept\n }\n}\n'),
      vrf: ok('link', 'add', 'probevrf', 'type', 'vrf', 'table', '10'),
      dummy: ok('link', 'add', 'probedum', 'type', 'dummy'),
      vlan: veth && ok('link', 'add', 'link', 'probe0', 'name', 'probe0.5', 'type', 'vlan', 'id', '5'),
      bridgeConntrack: nft('table bridge probe {\n chain c {\n  type filter hook forward priority 0; policy accept;\n  ct state established accept\n }\n}\n'),
    };
  } finally {
    deleteNetns(netns);
    state.dropNamespace(netns);
  }
}
