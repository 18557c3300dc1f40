// Rule: a security group admits every address on every port of a protocol (TCP, UDP or all of them).
import type { AnalysisRule } from '../analysis-rule.js';
import { addressIntervals } from '../match-space.js';

export const securityGroupOpenIngress: AnalysisRule = {
  code: 'security-group-open-ingress',
  severity: 'warning',
  summary: 'A security-group ingress rule admits any address without a port restriction.',
  docs:
    'An ingress rule from `any` or `0.0.0.0/0` without `ports` opens every port of the VMs in the group to every ' +
    'address that can route to them: other tenants through peerings, the outside through the border, and every pod of ' +
    'a cluster on the VPC, whose traffic reaches the VM with its node\'s address after masquerade. Because the VMs may ' +
    'be Kubernetes nodes, that includes the kubelet, the flannel VXLAN port (an open tunnel port lets anyone inject ' +
    'packets into the pod network, past every NetworkPolicy) and NodePorts. ICMP-only rules are not reported. Fix: ' +
    'list the ports the service needs, and narrow the source to the ranges that use it.',
  check(ctx) {
    for (const vpc of ctx.ir.overlay.vpcs) {
      for (const group of vpc.securityGroups) {
        group.ingress.forEach((rule, i) => {
          if (rule.proto === 'icmp' || rule.ports.length > 0) return;
          const everywhere = addressIntervals(rule.peer).some((r) => r.first === 0 && r.last === 0xffffffff);
          if (!everywhere) return;
          const what = rule.proto === 'any' ? 'every protocol and port' : `every ${rule.proto.toUpperCase()} port`;
          ctx.report(rule.origin, `ingress rule ${i + 1} of security group ${vpc.name}/${group.name} admits ${what} from anywhere (${rule.peer.ref})`, {
            hint: 'list the ports the service needs and narrow the source',
          });
        });
      }
    }
  },
};
