// Rule: a security group that no VM of its VPC uses filters nothing.
import type { AnalysisRule } from '../analysis-rule.js';

export const securityGroupUnused: AnalysisRule = {
  code: 'security-group-unused',
  severity: 'info',
  summary: 'A security group is attached to no VM.',
  docs:
    'Security groups filter only at the virtual ports of the VMs that list them. A group no VM lists is emitted as no ' +
    'rule at all, yet reviewers read its rules as protection: an intent or an audit that relies on it holds only on ' +
    'paper. Often a VM was renamed or moved and lost its groups. Fix: list the group in the `securityGroups` of the ' +
    'VMs it is meant for, or delete it.',
  check(ctx) {
    const used = new Set(ctx.ir.overlay.vms.flatMap((vm) => vm.securityGroups.map((g) => `${vm.vpc}/${g}`)));
    for (const vpc of ctx.ir.overlay.vpcs) {
      for (const group of vpc.securityGroups) {
        if (used.has(`${vpc.name}/${group.name}`)) continue;
        ctx.report([...group.origin, 'name'], `security group ${vpc.name}/${group.name} is attached to no VM, so its rules filter nothing`, {
          hint: `list it in the securityGroups of the VMs of ${vpc.name} it is meant for, or delete it`,
        });
      }
    }
  },
};
