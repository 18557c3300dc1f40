// validateK8sObject: the Kubernetes schema's verdict on hand-written objects, as messages with paths inside the object.
import { describe, expect, it } from 'vitest';
import { findK8sObjectProblems, validateK8sObject } from '../../src/emit/k8s/validate-k8s-object.js';
import { prodCluster } from '../helpers/k8s-fixtures.js';

function policy(spec: unknown): Record<string, unknown> {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'shop' }, spec };
}

describe('validateK8sObject', () => {
  it('accepts the fixture policies', () => {
    for (const p of [...prodCluster.networkPolicies, ...prodCluster.importedPolicies]) expect(validateK8sObject(p.object)).toEqual([]);
  });

  it('rejects a podSelector that is not a label selector', () => {
    expect(validateK8sObject(policy({ podSelector: 'app=web' }))).toEqual(['spec.podSelector: must be a mapping, not a string']);
    expect(validateK8sObject(policy({ podSelector: { matchLabels: ['app'] } }))).toEqual([
      'spec.podSelector.matchLabels: must be a mapping, not a list',
    ]);
  });

  it('rejects ports that are neither a number nor a name, once per port', () => {
    const ports = [{ port: true }, { port: 80.5 }, { port: [80] }, { port: 80, endPort: '90' }];
    expect(validateK8sObject(policy({ podSelector: {}, ingress: [{ ports }] }))).toEqual([
      'spec.ingress[0].ports[0].port: must be a string or a whole number, not a boolean',
      'spec.ingress[0].ports[1].port: must be a string or a whole number, not a fractional number',
      'spec.ingress[0].ports[2].port: must be a string or a whole number, not a list',
      'spec.ingress[0].ports[3].endPort: must be a whole number, not a string',
    ]);
  });

  it('rejects unknown policy types and protocols', () => {
    expect(validateK8sObject(policy({ podSelector: {}, policyTypes: ['Ingress', 'Inbound'] }))).toEqual([
      'spec.policyTypes[1]: must be "Egress" or "Ingress", not "Inbound"',
    ]);
    expect(validateK8sObject(policy({ podSelector: {}, egress: [{ ports: [{ protocol: 'ICMP' }] }] }))).toEqual([
      'spec.egress[0].ports[0].protocol: must be "SCTP", "TCP" or "UDP", not "ICMP"',
    ]);
  });

  it('rejects a missing podSelector and unknown fields, with a suggestion', () => {
    expect(validateK8sObject(policy({ ingres: [{}] }))).toEqual([
      'spec: missing required field podSelector',
      'spec.ingres: unknown field "ingres" (did you mean ingress?)',
    ]);
    expect(validateK8sObject(policy({ podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', exept: [] } }] }] }))).toEqual([
      'spec.egress[0].to[0].ipBlock.exept: unknown field "exept" (did you mean except?)',
    ]);
  });

  it('keeps paths apart, indexes as numbers, for locating problems in the spec', () => {
    expect(findK8sObjectProblems(policy({ podSelector: {}, ingress: [{ from: [{ podSelector: 3 }] }] }))).toEqual([
      { path: ['spec', 'ingress', 0, 'from', 0, 'podSelector'], message: 'must be a mapping, not a whole number' },
    ]);
  });

  it('reports objects it has no schema for instead of passing them', () => {
    expect(validateK8sObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } })).toEqual(['kind: no schema for "Pod" of apiVersion "v1"']);
    expect(validateK8sObject(['not', 'an', 'object'])).toEqual(['a Kubernetes object must be a mapping, not a list']);
  });

  it('checks the other kinds thrice writes', () => {
    expect(validateK8sObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x', labels: { team: 1 } } })).toEqual([
      'metadata.labels.team: must be a string, not a whole number',
    ]);
    expect(validateK8sObject({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, spec: { podCIDRs: '10.244.0.0/24' } })).toEqual([
      'spec.podCIDRs: must be a list, not a string',
    ]);
  });
});
