// NetworkPolicy semantics end to end: isolation, selectors, ipBlocks, ports, policyTypes, named ports, host network.
import { describe, expect, it } from 'vitest';
import { listing, pod } from './manifest-fixture.js';

const ns = (name: string, labels = ''): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n${labels}---\n`;
const policy = (namespace: string, name: string, spec: string): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n${spec}---\n`;
const ALL = '0.0.0.0-255.255.255.255[External]';

describe('policy engine', () => {
  const twoPods = ns('a') + pod('a', 'web', { app: 'web' }) + pod('a', 'db', { app: 'db' });

  it('allows everything when no policy selects a pod', () => {
    expect(listing(twoPods).lines).toEqual([
      `${ALL} => a/db[Pod] : All Connections`,
      `${ALL} => a/web[Pod] : All Connections`,
      `a/db[Pod] => ${ALL} : All Connections`,
      'a/db[Pod] => a/web[Pod] : All Connections',
      `a/web[Pod] => ${ALL} : All Connections`,
      'a/web[Pod] => a/db[Pod] : All Connections',
    ]);
  });

  it('isolates only the selected pods, only in the policy directions', () => {
    const spec = '  podSelector:\n    matchLabels:\n      app: db\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels:\n          app: web\n    ports:\n    - port: 5432\n';
    expect(listing(twoPods + policy('a', 'db', spec)).lines).toEqual([
      `${ALL} => a/web[Pod] : All Connections`,
      `a/db[Pod] => ${ALL} : All Connections`,
      'a/db[Pod] => a/web[Pod] : All Connections',
      `a/web[Pod] => ${ALL} : All Connections`,
      'a/web[Pod] => a/db[Pod] : TCP 5432',
    ]);
  });

  it('needs both the egress of the source and the ingress of the destination', () => {
    const egress = '  podSelector:\n    matchLabels:\n      app: web\n  egress:\n  - ports:\n    - port: 80\n    - port: 5432\n';
    const ingress = '  podSelector:\n    matchLabels:\n      app: db\n  ingress:\n  - ports:\n    - port: 5432\n      endPort: 5440\n';
    const lines = listing(twoPods + policy('a', 'e', egress) + policy('a', 'i', ingress)).lines;
    expect(lines).toContain('a/web[Pod] => a/db[Pod] : TCP 5432');
    expect(lines).toContain(`a/web[Pod] => ${ALL} : TCP 80,5432`);
    expect(lines).toContain(`${ALL} => a/db[Pod] : TCP 5432-5440`);
  });

  it('defaults policyTypes: Ingress always, Egress only with egress rules', () => {
    const noTypes = '  podSelector: {}\n';
    expect(listing(twoPods + policy('a', 'deny', noTypes)).lines).toEqual([
      `a/db[Pod] => ${ALL} : All Connections`,
      `a/web[Pod] => ${ALL} : All Connections`,
    ]);
    const both = '  podSelector: {}\n  policyTypes: [Ingress, Egress]\n';
    expect(listing(twoPods + policy('a', 'deny', both)).lines).toEqual([]);
    const egressOnly = '  podSelector: {}\n  policyTypes: [Egress]\n  ingress:\n  - {}\n';
    expect(listing(twoPods + policy('a', 'deny', egressOnly)).lines).toEqual([`${ALL} => a/db[Pod] : All Connections`, `${ALL} => a/web[Pod] : All Connections`]);
  });

  it('tells a missing namespaceSelector (own namespace) from an empty one (every namespace)', () => {
    const pods = ns('a') + ns('b') + pod('a', 'x', { app: 'x' }) + pod('b', 'y', { app: 'y' }) + pod('a', 'z', { app: 'z' });
    const own = '  podSelector:\n    matchLabels: {app: x}\n  ingress:\n  - from:\n    - podSelector: {}\n';
    const every = '  podSelector:\n    matchLabels: {app: x}\n  ingress:\n  - from:\n    - namespaceSelector: {}\n';
    const toX = (lines: string[]): string[] => lines.filter((l) => l.includes('=> a/x[Pod]'));
    expect(toX(listing(pods + policy('a', 'p', own)).lines)).toEqual(['a/z[Pod] => a/x[Pod] : All Connections']);
    expect(toX(listing(pods + policy('a', 'p', every)).lines)).toEqual(['a/z[Pod] => a/x[Pod] : All Connections', 'b/y[Pod] => a/x[Pod] : All Connections']);
  });

  it('selects namespaces by labels, including the defaulted name label and undeclared namespaces', () => {
    const pods = ns('a', '  labels:\n    team: blue\n') + pod('a', 'x', { app: 'x' }) + pod('b', 'y', { app: 'y' }) + pod('c', 'z', { app: 'z' });
    const spec =
      '  podSelector: {}\n  ingress:\n  - from:\n    - namespaceSelector:\n        matchExpressions:\n        - {key: kubernetes.io/metadata.name, operator: In, values: [b]}\n    - namespaceSelector:\n        matchLabels: {team: blue}\n      podSelector:\n        matchExpressions:\n        - {key: app, operator: NotIn, values: [q]}\n';
    const lines = listing(pods + policy('a', 'p', spec)).lines.filter((l) => l.includes('=> a/x[Pod]'));
    expect(lines).toEqual(['b/y[Pod] => a/x[Pod] : All Connections']);
  });

  it('cuts external ranges at ipBlock and except boundaries, per direction', () => {
    const spec =
      '  podSelector: {}\n  policyTypes: [Ingress, Egress]\n  ingress:\n  - from:\n    - ipBlock:\n        cidr: 10.0.0.0/8\n        except: [10.1.0.0/16]\n    ports:\n    - {port: 53, protocol: UDP}\n  egress:\n  - to:\n    - ipBlock: {cidr: 192.168.0.0/16}\n';
    expect(listing(ns('a') + pod('a', 'x', { app: 'x' }) + policy('a', 'p', spec)).lines).toEqual([
      '10.0.0.0-10.0.255.255[External] => a/x[Pod] : UDP 53',
      '10.2.0.0-10.255.255.255[External] => a/x[Pod] : UDP 53',
      'a/x[Pod] => 192.168.0.0-192.168.255.255[External] : All Connections',
    ]);
  });

  it('resolves named ports against the destination, protocol included', () => {
    const ports = (name: string, port: number, protocol: string): string => `    ports:\n    - {name: ${name}, containerPort: ${port}, protocol: ${protocol}}`;
    const pods = ns('a') + pod('a', 'tcp', { app: 'tcp' }, ports('svc', 8080, 'TCP')) + pod('a', 'udp', { app: 'udp' }, ports('svc', 5353, 'UDP')) + pod('a', 'none', { app: 'none' });
    const spec = '  podSelector: {}\n  ingress:\n  - ports:\n    - port: svc\n';
    const lines = listing(pods + policy('a', 'p', spec)).lines;
    expect(lines.filter((l) => l.startsWith('a/none'))).toEqual([`a/none[Pod] => ${ALL} : All Connections`, 'a/none[Pod] => a/tcp[Pod] : TCP 8080']);
    expect(lines.filter((l) => l.endsWith('a/udp[Pod] : All Connections') || l.includes('=> a/udp'))).toEqual([]);
  });

  it('unions all policies selecting a pod', () => {
    const pods = ns('a') + pod('a', 'x', { app: 'x' }) + pod('a', 'y', { app: 'y' });
    const p1 = '  podSelector: {matchLabels: {app: x}}\n  ingress:\n  - ports: [{port: 80}]\n';
    const p2 = '  podSelector: {}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: y}}}]\n    ports: [{port: 1, endPort: 79}, {port: 81, endPort: 65535}]\n';
    const lines = listing(pods + policy('a', 'p1', p1) + policy('a', 'p2', p2)).lines;
    expect(lines).toContain('a/y[Pod] => a/x[Pod] : TCP 1-65535');
    expect(lines).toContain(`${ALL} => a/x[Pod] : TCP 80`);
  });

  it('treats host-network pods like pods by default (the oracle), or by their node address on request', () => {
    const hostPod = pod('a', 'agent', { app: 'agent' }, '  hostNetwork: true').replace('---\n', 'status:\n  hostIP: 10.9.0.5\n---\n');
    const pods = ns('a') + hostPod + pod('a', 'x', { app: 'x' });
    const spec = '  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock: {cidr: 10.9.0.0/16}\n';
    const asPods = listing(pods + policy('a', 'p', spec)).lines;
    expect(asPods.filter((l) => l.includes('=> a/'))).toEqual(['10.9.0.0-10.9.255.255[External] => a/agent[Pod] : All Connections', '10.9.0.0-10.9.255.255[External] => a/x[Pod] : All Connections']);
    const asHost = listing(pods + policy('a', 'p', spec), { hostNetwork: 'host' }).lines;
    // Not isolated: every source range reaches it; and x admits it because its node address is in the block.
    expect(asHost).toContain('0.0.0.0-10.8.255.255[External] => a/agent[Pod] : All Connections');
    expect(asHost).toContain('a/agent[Pod] => a/x[Pod] : All Connections');
    expect(asPods).not.toContain('a/agent[Pod] => a/x[Pod] : All Connections');
    expect(asHost).toContain('a/x[Pod] => a/agent[Pod] : All Connections');
  });

  it('names workloads by their top controller and omits a workload talking to itself', () => {
    const deployment = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: a}\nspec:\n  replicas: 3\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: x}]}\n---\n`;
    const owned = pod('a', 'job-x1', { app: 'j' }).replace('  namespace: a\n', '  namespace: a\n  ownerReferences:\n  - {kind: Job, name: batch, controller: true}\n');
    expect(listing(ns('a') + deployment + owned).lines).toEqual([
      `${ALL} => a/batch[Job] : All Connections`,
      `${ALL} => a/web[Deployment] : All Connections`,
      `a/batch[Job] => ${ALL} : All Connections`,
      'a/batch[Job] => a/web[Deployment] : All Connections',
      `a/web[Deployment] => ${ALL} : All Connections`,
      'a/web[Deployment] => a/batch[Job] : All Connections',
    ]);
  });

  it('warns when one workload has pods that policies treat differently', () => {
    const owned = (name: string, app: string): string =>
      pod('a', name, { app }).replace('  namespace: a\n', '  namespace: a\n  ownerReferences:\n  - {kind: ReplicaSet, name: rs, controller: true}\n');
    const spec = '  podSelector: {matchLabels: {app: one}}\n  ingress: []\n';
    const result = listing(ns('a') + owned('p1', 'one') + owned('p2', 'two') + policy('a', 'p', spec));
    expect(result.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['k8s-workload-pods-differ', 21]]);
  });

  it('produces JSON entries mirroring the text listing', () => {
    const spec = '  podSelector: {matchLabels: {app: db}}\n  ingress:\n  - ports: [{port: 5432}, {port: 53, protocol: UDP}]\n';
    const { json } = listing(twoPods + policy('a', 'p', spec));
    expect(json).toContainEqual({
      src: 'a/web[Pod]',
      dst: 'a/db[Pod]',
      conn: 'TCP 5432,UDP 53',
      srcPeer: { type: 'workload', namespace: 'a', name: 'web', kind: 'Pod' },
      dstPeer: { type: 'workload', namespace: 'a', name: 'db', kind: 'Pod' },
      allowed: { TCP: [[5432, 5432]], UDP: [[53, 53]] },
    });
    expect(json).toContainEqual(expect.objectContaining({ src: ALL, srcPeer: { type: 'external', first: '0.0.0.0', last: '255.255.255.255' }, allowed: 'all' }));
  });
});
