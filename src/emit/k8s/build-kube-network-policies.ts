// The NetworkPolicy enforcer, as kubernetes-sigs/kube-network-policies installs it: ServiceAccount, RBAC, DaemonSet.
import type { ClusterIR } from '../../ir/cluster-ir.js';
import type { ManifestObject } from './manifest-object.js';
import { KUBE_NETWORK_POLICIES_IMAGE, enforcesNetworkPolicies } from '../../ir/network-policy-enforcer.js';

const NAME = 'kube-network-policies';
const NAMESPACE = 'kube-system';
const LABELS = { tier: 'node', app: NAME, 'k8s-app': NAME };

/**
 * Upstream's install.yaml, with the image flannel's chart pins (`netpol.image`, v1.0.0) and its container as that
 * chart runs it beside flanneld with `netpol.enabled` (args, /lib/modules, privileged with NET_ADMIN). It runs on the
 * host network of every node and judges, at the node's postrouting hook, the first packet of each connection to or
 * from a pod. Empty for a cluster that does not name this enforcer.
 */
export function buildKubeNetworkPolicies(cluster: ClusterIR): ManifestObject[] {
  if (!enforcesNetworkPolicies(cluster)) return [];
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: NAME, namespace: NAMESPACE } },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: NAME },
      rules: [
        { apiGroups: [''], resources: ['pods', 'namespaces'], verbs: ['list', 'watch'] },
        { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: ['list', 'watch'] },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: NAME },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: NAME },
      subjects: [{ kind: 'ServiceAccount', name: NAME, namespace: NAMESPACE }],
    },
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: NAME, namespace: NAMESPACE, labels: LABELS },
      spec: {
        selector: { matchLabels: { app: NAME } },
        template: {
          metadata: { labels: LABELS },
          spec: {
            hostNetwork: true,
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
            serviceAccountName: NAME,
            containers: [
              {
                name: NAME,
                image: KUBE_NETWORK_POLICIES_IMAGE,
                command: ['/bin/netpol'],
                args: ['--hostname-override=$(MY_NODE_NAME)', '--v=2'],
                env: [{ name: 'MY_NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
                volumeMounts: [{ name: 'lib-modules', mountPath: '/lib/modules', readOnly: true }],
                resources: { requests: { cpu: '100m', memory: '50Mi' } },
                securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN'] } },
              },
            ],
            volumes: [{ name: 'lib-modules', hostPath: { path: '/lib/modules' } }],
          },
        },
      },
    },
  ];
}
