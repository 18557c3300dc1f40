// Security groups on a hypervisor: per guarded VM an ingress and an egress chain at its port, and the verdict maps that reach them.
import type { SecurityGroupIR, SecurityRuleIR, VmIR } from '../../ir/overlay-ir.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import type { AddressIR } from '../../ir/address-ir.js';
import { naturalCompare } from '../../ir/natural-order.js';
import { BRIDGE_IP_ONLY, type Dispatch, type NftHook } from './base-chains.js';
import { describeProtoPorts, renderRuleMatch } from './nft-match.js';
import { nftComment, nftString } from './nft-text.js';
import type { NftChainView, NftLineView } from './ruleset-view.js';
import { statefulLines, VERDICT } from './verdicts.js';
import { scopedRuleLines, vmVpcScope, type VpcScope } from './vpc-context.js';

type Direction = 'ingress' | 'egress';

const ANY: AddressIR = { ref: 'any', cidrs: ['0.0.0.0/0'] };

/** `sg_<vm>_ingress`: `_` keeps it apart from firewall chains (`fw_…`) and base chains. */
export function securityGroupChainName(vm: string, direction: Direction): string {
  return `sg_${vm}_${direction}`;
}

/** The VM's groups (names within its VPC), by name. */
export function groupsOf(ir: TopologyIR, vm: VmIR): SecurityGroupIR[] {
  const vpc = ir.overlay.vpcs.find((v) => v.name === vm.vpc);
  return [...vm.securityGroups].sort(naturalCompare).map((name) => {
    const group = vpc?.securityGroups.find((g) => g.name === name);
    if (!group) throw new Error(`thrice: VM ${vm.name} names security group ${name}, which VPC ${vm.vpc} does not have`);
    return group;
  });
}

/**
 * Ingress (frames leaving the bridge toward the VM's port) allows what any rule of any of its groups
 * allows, and drops the rest. Egress (frames entering from the VM's port) follows the cloud's union:
 * as soon as one group leaves out `egress`, everything may leave; otherwise only what a rule allows.
 */
export function buildSecurityGroupChains(vm: VmIR, groups: readonly SecurityGroupIR[]): NftChainView[] {
  const names = groups.map((g) => g.name).join(', ');
  const open = groups.find((g) => g.egress === undefined);
  const egress: NftLineView[] = open
    ? [{ note: nftComment(`group ${open.name} has no egress list, so egress is unrestricted (groups allow the union)`), rule: `counter ${VERDICT.allow} comment ${nftString(`${vm.name} egress: unrestricted`)}` }]
    : [...groups.flatMap((g) => ruleLines(g, 'egress', g.egress ?? [], vmVpcScope(vm.vpc))), denyRest(vm, 'egress')];
  return [
    {
      name: securityGroupChainName(vm.name, 'ingress'),
      comment: nftComment(`Security groups of VM ${vm.name} (${names}), to ${vm.hostPort}: stateful, allow-only.`),
      hook: null,
      lines: [...statefulLines(`${vm.name} ingress`), ...groups.flatMap((g) => ruleLines(g, 'ingress', g.ingress, vmVpcScope(vm.vpc))), denyRest(vm, 'ingress')],
    },
    {
      name: securityGroupChainName(vm.name, 'egress'),
      comment: nftComment(`Security groups of VM ${vm.name} (${names}), from ${vm.hostPort}: stateful, allow-only.`),
      hook: null,
      lines: [...statefulLines(`${vm.name} egress`), ...egress],
    },
  ];
}

function ruleLines(group: SecurityGroupIR, direction: Direction, rules: readonly SecurityRuleIR[], scope: VpcScope): NftLineView[] {
  return rules.flatMap((rule, i) => {
    const n = i + 1;
    const what = `${group.name} ${direction} rule ${n}: ${direction === 'ingress' ? 'from' : 'to'} ${rule.peer.ref} ${describeProtoPorts(rule.proto, rule.ports)}`;
    // The peer is the source of ingress and the destination of egress; the VM's side is its own port.
    const from = direction === 'ingress' ? rule.peer : ANY;
    const to = direction === 'egress' ? rule.peer : ANY;
    const match = renderRuleMatch({ from, to, proto: rule.proto, ports: rule.ports });
    return scopedRuleLines(what, match, scope(from, to), (text) => `${text} counter ${VERDICT.allow} comment ${nftString(`sg ${group.name} ${direction} ${n}`)}`);
  });
}

function denyRest(vm: VmIR, direction: Direction): NftLineView {
  return { note: 'nothing else: a security group only allows', rule: `counter ${VERDICT.deny} comment ${nftString(`${vm.name} ${direction}: not allowed`)}` };
}

/** Verdict maps from port name to the VM's chain: to the VM (forward, output), from the VM (forward, input). */
export function securityGroupDispatches(vms: readonly VmIR[]): Dispatch[] {
  if (vms.length === 0) return [];
  const ports = [...vms].sort((a, b) => naturalCompare(a.hostPort, b.hostPort));
  const vmap = (key: 'iifname' | 'oifname', direction: Direction) =>
    `${BRIDGE_IP_ONLY} ${key} vmap { ${ports.map((vm) => `${nftString(vm.hostPort)} : jump ${securityGroupChainName(vm.name, direction)}`).join(', ')} }`;
  const rule = (hook: NftHook, key: 'iifname' | 'oifname', direction: Direction, why: string): Dispatch => ({
    family: 'bridge',
    hook,
    rule: `${vmap(key, direction)} comment ${nftString(`security groups: ${why}`)}`,
  });
  return [
    rule('forward', 'oifname', 'ingress', 'to the VMs'),
    rule('forward', 'iifname', 'egress', 'from the VMs'),
    rule('input', 'iifname', 'egress', 'from the VMs'),
    rule('output', 'oifname', 'ingress', 'to the VMs'),
  ];
}
