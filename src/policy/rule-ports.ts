// The connections a rule's `ports` allow: numeric ports fixed up front, named ports resolved per destination pod.
import type { PolicyPort, Protocol } from '../k8s/k8s-objects.js';
import { connectionsOf } from './connection-set.js';
import { ALL, type ConnectionId, type ConnectionTable, NONE } from './connection-table.js';
import type { NamedPort } from './pod-classes.js';
import { ALL_PORTS, portRange } from './port-set.js';

export interface RulePorts {
  /** What the numeric entries allow; ALL for a rule without ports. */
  readonly fixed: ConnectionId;
  /** Named entries, resolved against the destination's container ports. */
  readonly named: readonly { readonly name: string; readonly protocol: Protocol }[];
}

export function compileRulePorts(ports: readonly PolicyPort[], table: ConnectionTable): RulePorts {
  if (ports.length === 0) return { fixed: ALL, named: [] };
  let fixed = NONE;
  const named: { name: string; protocol: Protocol }[] = [];
  for (const entry of ports) {
    if (typeof entry.port === 'string') {
      named.push({ name: entry.port, protocol: entry.protocol });
      continue;
    }
    const ports = entry.port === undefined ? ALL_PORTS : portRange(entry.port, entry.endPort ?? entry.port);
    fixed = table.union(fixed, table.intern(connectionsOf(entry.protocol, ports)));
  }
  return { fixed, named };
}

/**
 * A named port allows the destination's container port of that name, and only when the container declares
 * it with the rule's protocol; a name the pod does not have allows nothing.
 */
export function resolveRulePorts(ports: RulePorts, namedPorts: ReadonlyMap<string, NamedPort>, table: ConnectionTable): ConnectionId {
  let result = ports.fixed;
  for (const { name, protocol } of ports.named) {
    const target = namedPorts.get(name);
    if (target && target.protocol === protocol) {
      result = table.union(result, table.intern(connectionsOf(protocol, portRange(target.port, target.port))));
    }
  }
  return result;
}
