// Names the network namespace that stands for a tenant VRF in overlay-netns.sh, for kernels without VRF devices.

/**
 * Namespaces are global to a kernel, unlike the VRF devices they replace, and a lab runs every leaf on one
 * kernel, so the name carries the leaf: `<leaf>--<vrf>`. Both parts are DNS labels (`[a-z0-9-]`), safe as a
 * file name under /var/run/netns and as a shell word. FRR's namespace backend names the VRF after the
 * namespace, and FRR VRF names are at most 35 characters (VRF_NAMSIZ 36 with the NUL).
 */
export function tenantNetnsName(leaf: string, vrf: string): string {
  return `${leaf}--${vrf}`;
}
