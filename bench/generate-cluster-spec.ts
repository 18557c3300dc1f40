// Generates the analysis benchmark: a fabric with node VMs and a cluster of `pods` pods in `namespaces` namespaces under `policies` NetworkPolicies, plus intents.
import { stringify } from 'yaml';

export interface ClusterBench {
  readonly spec: string;
  /** One manifest file per namespace (`k8s/<ns>.yaml`): Namespace, Deployments, NetworkPolicies. */
  readonly manifests: ReadonlyMap<string, string>;
}

/** Teams keep a cluster's objects in per-namespace manifest files; the spec imports them with `manifests: [k8s/*.yaml]`. */
export function clusterSpec(options: { leaves: number; nodes: number; namespaces: number; pods: number; policies: number; intents: number }): ClusterBench {
  const { leaves, nodes, namespaces, pods, policies, intents } = options;
  // Two policies per namespace (default-deny, allow-dns), the rest one per app.
  const workloadsPerNamespace = Math.max(1, Math.round(policies / namespaces) - 2);
  const replicas = Math.max(1, Math.round(pods / (namespaces * workloadsPerNamespace)));
  const ns = (i: number) => `ns${i + 1}`;
  const leafList = Array.from({ length: leaves }, (_, i) => ({ name: `leaf${i + 1}`, rack: `r${Math.floor(i / 2) + 1}` }));
  const hosts = leafList.map((l, i) => ({ name: `hv${i + 1}`, leaf: l.name }));
  const vms = Array.from({ length: nodes }, (_, i) => ({ name: `node${i + 1}`, host: `hv${(i % leaves) + 1}`, subnet: 'nodes', securityGroups: ['k8s-nodes'] }));
  const manifests = new Map<string, string>();
  let policyCount = 0;
  for (let n = 0; n < namespaces; n++) {
    const workloads: unknown[] = [];
    const networkPolicies: unknown[] = [];
    const np = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' };
    policyCount += 2;
    networkPolicies.push({ ...np, metadata: { name: 'default-deny', namespace: ns(n) }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } });
    networkPolicies.push({
      ...np,
      metadata: { name: 'allow-dns', namespace: ns(n) },
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }],
      },
    });
    for (let w = 0; w < workloadsPerNamespace; w++) {
      const app = `app${w + 1}`;
      const labels = { app, tier: w % 2 === 0 ? 'front' : 'back' };
      workloads.push({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: app, namespace: ns(n) },
        spec: {
          replicas,
          selector: { matchLabels: { app } },
          template: { metadata: { labels }, spec: { containers: [{ name: app, image: 'registry.example/app:1', ports: [{ name: 'http', containerPort: 8080 + (w % 4) }] }] } },
        },
      });
      // Each app admits its predecessor in the namespace and the front tier of a neighbouring team.
      if (policyCount + 2 * (namespaces - n) < policies + 2) {
        policyCount++;
        networkPolicies.push({
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: `${app}-in`, namespace: ns(n) },
          spec: {
            podSelector: { matchLabels: { app } },
            policyTypes: ['Ingress', 'Egress'],
            ingress: [
              { from: [{ podSelector: { matchLabels: { app: `app${w === 0 ? workloadsPerNamespace : w}` } } }, { namespaceSelector: { matchLabels: { team: `t${(n + 1) % 50}` } }, podSelector: { matchLabels: { tier: 'front' } } }], ports: [{ protocol: 'TCP', port: 'http' }] },
            ],
            egress: [{ to: [{ namespaceSelector: {} }], ports: [{ protocol: 'TCP', port: 8080, endPort: 8083 }, { protocol: 'UDP', port: 53 }] }, { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }], ports: [{ protocol: 'TCP', port: 443 }] }],
          },
        });
      }
    }
    const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns(n), labels: { team: `t${n % 50}` } } };
    manifests.set(`k8s/${ns(n)}.yaml`, [namespace, ...workloads, ...networkPolicies].map((o) => stringify(o)).join('---\n'));
  }
  const spec = stringify({
    thrice: 1,
    name: 'bench4',
    fabric: { radix: 128, loopbacks: '10.255.0.0/16', asn: { spine: 65000, leaf: '4200000000-4200100000' }, spines: 4, leaves: [...leafList, { name: 'border1', role: 'border' }], hosts },
    vpcs: [
      {
        name: 'blue',
        vni: 50001,
        cidr: '10.1.0.0/16',
        subnets: [
          { name: 'nodes', cidr: '10.1.0.0/20', vni: 10101 },
          { name: 'db', cidr: '10.1.16.0/24', vni: 10102 },
        ],
        securityGroups: [{ name: 'k8s-nodes', ingress: [{ from: 'subnet:blue/nodes', proto: 'udp', ports: [8472] }, { from: '0.0.0.0/0', proto: 'tcp', ports: [443] }] }],
        vms: [...vms, { name: 'pg-1', host: 'hv1', subnet: 'db' }],
      },
    ],
    clusters: [
      {
        name: 'big',
        vpc: 'blue',
        nodes: vms.map((v) => v.name),
        cni: { plugin: 'flannel', backend: 'vxlan' },
        podCidr: '10.244.0.0/14',
        manifests: ['k8s/*.yaml'],
      },
    ],
    firewalls: [{ name: 'db-acl', at: 'spines', default: 'allow', rules: [{ action: 'deny', from: 'subnet:blue/nodes', to: 'subnet:blue/db', proto: 'tcp', ports: [5432] }] }],
    intents: Array.from({ length: intents }, (_, i) => ({
      name: `intent${i + 1}`,
      from: { workload: `big/${ns(i % namespaces)}/app1` },
      to: i % 2 === 0 ? { vm: 'pg-1' } : { workload: `big/${ns((i + 1) % namespaces)}/app2` },
      proto: 'tcp',
      ports: i % 2 === 0 ? [5432] : [8081],
      expect: 'deny',
    })),
  });
  return { spec, manifests };
}
