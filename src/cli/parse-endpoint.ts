// Reads an endpoint given on the command line (`vm:pg-1`, `pods:prod/shop/app=web`, `external:0.0.0.0/0`) into the spec's endpoint form.
import type { EndpointSpec } from '../spec/spec-types.js';

const FORMS = 'external:CIDR, host:NAME, vm:NAME, subnet:VPC/SUBNET, workload:CLUSTER/NAMESPACE/NAME or pods:CLUSTER[/NAMESPACE][/key=value,...]';

export function parseEndpoint(text: string): EndpointSpec | { error: string } {
  const i = text.indexOf(':');
  if (i < 0) return { error: `"${text}" is not an endpoint; use ${FORMS}` };
  const kind = text.slice(0, i);
  const value = text.slice(i + 1);
  switch (kind) {
    case 'external':
      return { external: value };
    case 'host':
      return { host: value };
    case 'vm':
      return { vm: value };
    case 'subnet':
      return { subnet: value };
    case 'workload':
      return { workload: value };
    case 'pods': {
      const [cluster, ...rest] = value.split('/');
      const selectorText = rest.find((r) => r.includes('='));
      const namespace = rest.find((r) => !r.includes('='));
      const selector = selectorText ? Object.fromEntries(selectorText.split(',').map((kv) => kv.split('=') as [string, string])) : undefined;
      return { pods: { cluster: cluster ?? '', ...(namespace ? { namespace } : {}), ...(selector ? { selector } : {}) } };
    }
    default:
      return { error: `unknown endpoint kind "${kind}"; use ${FORMS}` };
  }
}
