// Reads one `ports` entry of a NetworkPolicy rule: protocol, a number or named port, and an optional endPort.
import type { DataPath } from '../source/data-path.js';
import type { PolicyPort } from './k8s-objects.js';
import type { ManifestContext } from './manifest-context.js';
import { isMapping } from './manifest-values.js';
import { readProtocol } from './read-pod-spec.js';

// IANA_SVC_NAME, the syntax of container port names: at most 15 characters, at least one letter.
const PORT_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9]|-(?!-))*$/;

export function readPolicyPort(ctx: ManifestContext, value: unknown, path: DataPath): PolicyPort | undefined {
  if (!isMapping(value)) {
    ctx.error('netpol-invalid-port', path, 'a port entry must be a mapping with protocol and port');
    return undefined;
  }
  const protocol = readProtocol(ctx, value, path, 'netpol-invalid-protocol');
  if (protocol === 'invalid') return undefined;
  const rawPort = value['port'];
  const rawEnd = value['endPort'];
  let port: number | string | undefined;
  if (rawPort === undefined || rawPort === null) {
    port = undefined;
  } else if (typeof rawPort === 'number') {
    if (!Number.isInteger(rawPort) || rawPort < 1 || rawPort > 65535) {
      ctx.error('netpol-invalid-port', [...path, 'port'], `port must be between 1 and 65535, not ${rawPort}`);
      return undefined;
    }
    port = rawPort;
  } else if (typeof rawPort === 'string') {
    if (rawPort.length > 15 || rawPort.endsWith('-') || !PORT_NAME.test(rawPort)) {
      ctx.error(
        'netpol-invalid-port',
        [...path, 'port'],
        `"${rawPort}" is neither a port number nor a valid port name`,
        'a named port has at most 15 lowercase letters, digits and single hyphens; write numbers unquoted',
      );
      return undefined;
    }
    port = rawPort;
  } else {
    ctx.error('netpol-invalid-port', [...path, 'port'], 'port must be a number or a port name');
    return undefined;
  }
  let endPort: number | undefined;
  if (rawEnd !== undefined && rawEnd !== null) {
    const endPath = [...path, 'endPort'];
    if (typeof rawEnd !== 'number' || !Number.isInteger(rawEnd) || rawEnd < 1 || rawEnd > 65535) {
      ctx.error('netpol-invalid-end-port', endPath, 'endPort must be a port number between 1 and 65535');
      return undefined;
    }
    if (typeof port !== 'number') {
      ctx.error('netpol-invalid-end-port', endPath, 'endPort needs a numeric port to start the range', 'named ports cannot start a range');
      return undefined;
    }
    if (rawEnd < port) {
      ctx.error('netpol-invalid-end-port', endPath, `endPort ${rawEnd} is below port ${port}`);
      return undefined;
    }
    endPort = rawEnd;
  }
  return {
    protocol: protocol ?? 'TCP',
    ...(port === undefined ? {} : { port }),
    ...(endPort === undefined ? {} : { endPort }),
    location: ctx.location(path),
  };
}
