// Rule: an allow rule that names a tunnel port permits every flow inside the tunnel, unseen by that rule.
import type { AnalysisRule } from '../analysis-rule.js';
import type { PortRange, Proto } from '../../ir/address-ir.js';
import { tunnelPorts } from '../tunnel-ports.js';

function namesPort(proto: Proto, ports: readonly PortRange[], port: number): boolean {
  return (proto === 'udp' || proto === 'any') && ports.length > 0 && ports.some((r) => r.from <= port && port <= r.to);
}

export const tunnelPortPermission: AnalysisRule = {
  code: 'tunnel-port-permission',
  severity: 'warning',
  summary: 'An allow rule opens a VXLAN port, which permits everything inside the tunnel without looking at it.',
  docs:
    "Allowing UDP 4789 (VPC VXLAN) or a cluster's flannel port between two addresses does not allow one flow: it allows " +
    'every packet that can be encapsulated between them, whatever its inner addresses and ports. The rule cannot see ' +
    "the inner header, so the real decision moves to whatever filters the decapsulated traffic (for flannel: the pods' " +
    'NetworkPolicies, which judge an inner source address anyone able to send to the port can forge; port security ' +
    "pins only the outer source of a VM's packets to its own addresses, never the inner header). The permission " +
    'is often necessary; thrice reports it so that it is a decision: keep its sources to exactly the tunnel endpoints ' +
    '(see `vxlan-port-exposed`), and prefer an encrypted, authenticated backend (flannel `wireguard`) across trust boundaries. ' +
    "A wireguard cluster's port is not reported: only a node holding a peer's key can send into that tunnel.",
  check(ctx) {
    const tunnels = tunnelPorts(ctx.ir);
    for (const fw of ctx.ir.firewalls) {
      fw.rules.forEach((rule, i) => {
        const t = rule.action === 'allow' ? tunnels.find((x) => namesPort(rule.proto, rule.ports, x.port)) : undefined;
        if (t) ctx.report([...rule.origin, 'ports'], `${fw.name} rule ${i + 1} allows ${t.what} from ${rule.from.ref}: it permits every flow inside that tunnel`);
      });
    }
    for (const vpc of ctx.ir.overlay.vpcs) {
      for (const group of vpc.securityGroups) {
        group.ingress.forEach((rule, i) => {
          const t = tunnels.find((x) => namesPort(rule.proto, rule.ports, x.port));
          if (t) ctx.report([...rule.origin, 'ports'], `security group ${group.name} ingress rule ${i + 1} allows ${t.what} from ${rule.peer.ref}: it permits every flow inside that tunnel`);
        });
      }
    }
  },
};
