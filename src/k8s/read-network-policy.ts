// Reads a networking.k8s.io/v1 NetworkPolicy, applying the policyTypes defaults of the API.
import type { DataPath } from '../source/data-path.js';
import type { NetworkPolicy, PolicyPeer, PolicyPort, PolicyRule, PolicyType } from './k8s-objects.js';
import type { ManifestContext } from './manifest-context.js';
import { type Mapping, isMapping, optionalList, optionalMapping } from './manifest-values.js';
import { readLabelSelector } from './read-label-selector.js';
import { readMetadata } from './read-metadata.js';
import { readPolicyPeer } from './read-policy-peer.js';
import { readPolicyPort } from './read-policy-port.js';

const POLICY_TYPES: readonly PolicyType[] = ['Ingress', 'Egress'];

export function readNetworkPolicy(ctx: ManifestContext, object: Mapping, path: DataPath): NetworkPolicy | undefined {
  const meta = readMetadata(ctx, object, path, 'NetworkPolicy');
  if (!meta) return undefined;
  const specPath = [...path, 'spec'];
  const spec = optionalMapping(ctx, object, path, 'spec');
  if (!spec) {
    ctx.error('k8s-invalid-object', path, `NetworkPolicy ${meta.name} has no spec`);
    return undefined;
  }
  let podSelector = readLabelSelector(ctx, spec, specPath, 'podSelector');
  if (podSelector === undefined) {
    ctx.warning('netpol-missing-pod-selector', specPath, 'spec.podSelector is missing; the policy selects every pod of its namespace', 'write podSelector: {} to say so');
    podSelector = { matchLabels: {}, matchExpressions: [] };
  }
  const ingress = readRules(ctx, spec, specPath, 'ingress', 'from');
  const egress = readRules(ctx, spec, specPath, 'egress', 'to');
  const declared = readPolicyTypes(ctx, spec, specPath);
  // Every part is read (and reported) before giving up, so one run shows all the problems of a policy.
  if (podSelector === 'invalid' || ingress === undefined || egress === undefined || declared === 'invalid') return undefined;
  // Without policyTypes a policy always isolates for ingress, and for egress only when it has egress rules.
  const policyTypes: PolicyType[] = declared ?? (egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress']);
  return { namespace: meta.namespace, name: meta.name, podSelector, policyTypes, ingress, egress, location: ctx.location(path) };
}

function readPolicyTypes(ctx: ManifestContext, spec: Mapping, specPath: DataPath): PolicyType[] | undefined | 'invalid' {
  const list = optionalList(ctx, spec, specPath, 'policyTypes');
  if (list === undefined || list.length === 0) return undefined;
  const out: PolicyType[] = [];
  let broken = false;
  for (const [i, entry] of list.entries()) {
    if (typeof entry === 'string' && (POLICY_TYPES as readonly string[]).includes(entry)) {
      if (!out.includes(entry as PolicyType)) out.push(entry as PolicyType);
    } else {
      ctx.error('netpol-invalid-policy-type', [...specPath, 'policyTypes', i], `policy type must be Ingress or Egress, not ${JSON.stringify(entry)}`);
      broken = true;
    }
  }
  return broken ? 'invalid' : out;
}

function readRules(ctx: ManifestContext, spec: Mapping, specPath: DataPath, key: 'ingress' | 'egress', peersKey: 'from' | 'to'): PolicyRule[] | undefined {
  const rules: PolicyRule[] = [];
  let broken = false;
  for (const [i, rule] of (optionalList(ctx, spec, specPath, key) ?? []).entries()) {
    const rulePath = [...specPath, key, i];
    // `- {}` (and a YAML `-` with nothing after it) is the rule that allows everything.
    if (rule !== null && !isMapping(rule)) {
      ctx.error('k8s-invalid-field', rulePath, `an ${key} rule must be a mapping with ${peersKey} and ports`);
      broken = true;
      continue;
    }
    const body: Mapping = rule ?? {};
    const peers: PolicyPeer[] = [];
    const rawPeers = optionalList(ctx, body, rulePath, peersKey) ?? [];
    let ignoredPeers = 0;
    for (const [j, raw] of rawPeers.entries()) {
      const peer = readPolicyPeer(ctx, raw, [...rulePath, peersKey, j]);
      if (peer === undefined) broken = true;
      else if (peer === 'ignored') ignoredPeers++;
      else peers.push(peer);
    }
    const ports: PolicyPort[] = [];
    for (const [j, raw] of (optionalList(ctx, body, rulePath, 'ports') ?? []).entries()) {
      const port = readPolicyPort(ctx, raw, [...rulePath, 'ports', j]);
      if (port) ports.push(port);
      else broken = true;
    }
    // Peers that can never match IPv4 traffic leave the rule matching nothing, not everything.
    const all = rawPeers.length === 0;
    if (!all && peers.length === 0 && ignoredPeers > 0) continue;
    rules.push({ peers: all ? 'all' : peers, ports, location: ctx.location(rulePath) });
  }
  return broken ? undefined : rules;
}
