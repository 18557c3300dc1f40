// Names of everything a lab creates: its namespaces (one per switch, host, VM, pod and outside network), pod ports, its directory.
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** Where labs live unless `--dir` says otherwise; /tmp so that a reboot, which drops the namespaces, drops the files too. */
export const LAB_ROOT = '/tmp/thrice-lab';

/** Lab names prefix every namespace, so they stay DNS-label-like and short enough to read in `ip netns list`. */
const LAB_NAME = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/;

export function defaultLabName(topology: string): string {
  return `thrice-${topology}`.slice(0, 40).replace(/-+$/, '');
}

export function labNameProblem(name: string): string | undefined {
  return LAB_NAME.test(name) ? undefined : `lab name "${name}" must be 1-40 characters of a-z, 0-9 and "-", starting and ending with a letter or digit`;
}

export function defaultLabDir(labName: string): string {
  return join(LAB_ROOT, labName);
}

/** Switch, host and VM names are DNS labels; the plan refuses a topology where two devices of different kinds share one. */
export function deviceNetns(lab: string, device: string): string {
  return `${lab}-${device}`;
}

/** Pod names are unique per Kubernetes namespace only; the dots keep pod namespaces apart from device names (labels have none). */
export function podNetns(lab: string, cluster: string, namespace: string, pod: string): string {
  return `${lab}-${cluster}.${namespace}.${pod}`;
}

/** The outside world of one VPC (VRF) behind a border leaf: a namespace holding the external addresses the intents probe from. */
export function externalNetns(lab: string, border: string, vrf: string): string {
  return `${lab}-outside.${border}.${vrf}`;
}

/**
 * The node side of a pod's veth, as the CNI bridge plugin names it: `veth` and 8 hex digits (12 characters,
 * within the 15 of IFNAMSIZ), from the pod's full name so that it is stable and unique on the node.
 */
export function podVethName(cluster: string, namespace: string, pod: string): string {
  return `veth${createHash('sha1').update(`${cluster}/${namespace}/${pod}`).digest('hex').slice(0, 8)}`;
}

/** Linux interface names: at most 15 bytes, no slash, no whitespace. */
export function interfaceNameProblem(name: string): string | undefined {
  if (name.length === 0 || Buffer.byteLength(name) > 15) return `interface name "${name}" must be 1-15 bytes`;
  if (/[\s/:]/.test(name)) return `interface name "${name}" may not contain whitespace, "/" or ":"`;
  return undefined;
}
