// Reads one `from`/`to` peer of a NetworkPolicy rule: selectors, or an ipBlock whose excepts lie inside its cidr.
import type { DataPath } from '../source/data-path.js';
import type { Ipv4Range, PolicyPeer } from './k8s-objects.js';
import { formatIpv4Range, parseCidr } from './ipv4-cidr.js';
import type { ManifestContext } from './manifest-context.js';
import { isMapping, optionalList, optionalMapping, optionalString } from './manifest-values.js';
import { readLabelSelector } from './read-label-selector.js';

/** A peer, `ignored` for a valid peer that cannot match IPv4 traffic (an IPv6 ipBlock), or undefined when broken. */
export function readPolicyPeer(ctx: ManifestContext, value: unknown, path: DataPath): PolicyPeer | 'ignored' | undefined {
  if (!isMapping(value)) {
    ctx.error('netpol-invalid-peer', path, 'a peer must be a mapping with podSelector, namespaceSelector or ipBlock');
    return undefined;
  }
  const podSelector = readLabelSelector(ctx, value, path, 'podSelector');
  const namespaceSelector = readLabelSelector(ctx, value, path, 'namespaceSelector');
  const hasIpBlock = value['ipBlock'] !== undefined && value['ipBlock'] !== null;
  if (podSelector === 'invalid' || namespaceSelector === 'invalid') return undefined;
  if (hasIpBlock && (podSelector || namespaceSelector)) {
    ctx.error('netpol-invalid-peer', [...path, 'ipBlock'], 'a peer with an ipBlock may not also have a podSelector or namespaceSelector', 'split it into two peers');
    return undefined;
  }
  if (hasIpBlock) return readIpBlock(ctx, value, path);
  if (!podSelector && !namespaceSelector) {
    ctx.error('netpol-empty-peer', path, 'this peer selects nothing: it needs podSelector, namespaceSelector or ipBlock', 'write namespaceSelector: {} to allow every pod of the cluster');
    return undefined;
  }
  return {
    type: 'selector',
    ...(podSelector ? { podSelector } : {}),
    ...(namespaceSelector ? { namespaceSelector } : {}),
    location: ctx.location(path),
  };
}

function readIpBlock(ctx: ManifestContext, peer: Readonly<Record<string, unknown>>, path: DataPath): PolicyPeer | 'ignored' | undefined {
  const blockPath = [...path, 'ipBlock'];
  const block = optionalMapping(ctx, peer, path, 'ipBlock');
  if (!block) return undefined;
  const text = optionalString(ctx, block, blockPath, 'cidr');
  if (text === undefined) {
    ctx.error('netpol-invalid-cidr', blockPath, 'this ipBlock has no cidr');
    return undefined;
  }
  const cidr = parseCidr(text);
  if (!cidr) {
    ctx.error('netpol-invalid-cidr', [...blockPath, 'cidr'], `"${text}" is not a CIDR`, 'write an address and a prefix length, e.g. 10.0.0.0/8');
    return undefined;
  }
  const except: Ipv4Range[] = [];
  let broken = false;
  for (const [i, entry] of (optionalList(ctx, block, blockPath, 'except') ?? []).entries()) {
    const entryPath = [...blockPath, 'except', i];
    const parsed = typeof entry === 'string' ? parseCidr(entry) : undefined;
    if (!parsed) {
      ctx.error('netpol-invalid-cidr', entryPath, `${JSON.stringify(entry)} is not a CIDR`);
      broken = true;
    } else if (parsed.family !== cidr.family) {
      ctx.error('netpol-except-outside-cidr', entryPath, `except ${String(entry)} is not of the same address family as cidr ${text}`);
      broken = true;
    } else if (parsed.family === 'ipv4' && cidr.family === 'ipv4') {
      const inside = cidr.range.first <= parsed.range.first && parsed.range.last <= cidr.range.last && parsed.prefix > cidr.prefix;
      if (!inside) {
        ctx.error('netpol-except-outside-cidr', entryPath, `except ${String(entry)} must lie strictly inside cidr ${text} (${formatIpv4Range(cidr.range)})`);
        broken = true;
      } else {
        except.push(parsed.range);
      }
    }
  }
  if (broken) return undefined;
  if (cidr.family === 'ipv6') {
    ctx.info('netpol-ipv6-ignored', [...blockPath, 'cidr'], `IPv6 block ${text} is ignored: connectivity is analysed for IPv4 only`);
    return 'ignored';
  }
  return { type: 'ipBlock', cidr: cidr.range, except, text, location: ctx.location(path) };
}
