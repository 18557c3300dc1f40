// Decides everything in one switch's frr.conf (sessions, policy, EVPN role) and returns it as a sorted view.
import type { FabricIR, FabricInterfaceIR, SwitchIR } from '../../ir/fabric-ir.js';
import type { OverlayIR } from '../../ir/overlay-ir.js';
import type {
  FrrBfdProfileView,
  FrrBgpView,
  FrrConfigView,
  FrrInterfaceView,
  FrrNeighborView,
  FrrPrefixListEntryView,
  FrrRouteMapEntryView,
} from './frr-config-view.js';
import { isVtepSwitch } from './is-vtep-switch.js';
import { buildFrrTenantVrfPolicies, buildFrrTenantVrfs } from './build-frr-tenant-vrfs.js';

export const FABRIC_PEER_GROUP = 'fabric';
export const LOOPBACK_PREFIX_LIST = 'LOOPBACKS';
export const FABRIC_IMPORT_POLICY = 'FABRIC-IN';
export const FABRIC_EXPORT_POLICY = 'FABRIC-OUT';
export const FABRIC_BFD_PROFILE = 'fabric';

/** Without BFD (`fabric.bgp.bfd`), short BGP timers are the only fast failure detection; kept with it as a backstop. */
const KEEPALIVE_SECONDS = 3;
const HOLD_SECONDS = 9;
/** Cumulus' value: a new unnumbered peer learns our link-local address within seconds. */
const RA_INTERVAL_SECONDS = 10;
/** Wide ECMP: every spine (or super-spine) path to a loopback is used. */
const MAXIMUM_PATHS = 64;

const NO_OVERLAY: OverlayIR = { vpcs: [], vms: [] };

/**
 * `password` is `fabric.bgp.password` as the pipeline read it: the IR holds only where it comes from, so a caller
 * that emits a fabric asking for one must pass it.
 */
export function buildFrrConfigView(fabric: FabricIR, sw: SwitchIR, overlay: OverlayIR = NO_OVERLAY, password?: string): FrrConfigView {
  const interfaces = [...sw.interfaces].sort((a, b) => a.port - b.port);
  const routerId = sw.loopback;
  const loopback = `${routerId}/32`;
  const tenantPolicies = buildFrrTenantVrfPolicies(fabric, overlay, sw);
  return {
    header: { hostname: sw.name, role: sw.role },
    loopback,
    interfaces: interfaces.map((iface) => interfaceView(fabric, iface)),
    bgp: {
      asn: sw.asn,
      routerId,
      peerGroup: FABRIC_PEER_GROUP,
      keepaliveSeconds: KEEPALIVE_SECONDS,
      holdSeconds: HOLD_SECONDS,
      neighbors: interfaces.map((iface) => neighborView(fabric, sw, iface)),
      // The loopback, then the underlay /32 of each hypervisor behind a host port (interfaces.sh routes it there).
      networks: [loopback, ...hostNetworks(fabric, sw)],
      importPolicy: FABRIC_IMPORT_POLICY,
      exportPolicy: FABRIC_EXPORT_POLICY,
      maximumPaths: MAXIMUM_PATHS,
      // VTEPs originate EVPN routes for their VNIs. Spines and super-spines only relay EVPN: FRR keeps
      // every received EVPN route in its global EVPN table whatever its route targets (`retain
      // route-target all` exists for ipv4/ipv6 vpn only) and keeps the VTEP next hop when relaying
      // EVPN over eBGP, so `neighbor fabric activate` is all they need.
      advertiseAllVni: isVtepSwitch(fabric, sw),
      allowAsIn: (sw.role === 'leaf' || sw.role === 'border') && (leafAsnCounts(fabric).get(sw.asn) ?? 0) > 1,
      ...sessionHardening(fabric, password),
    },
    prefixLists: loopbackPrefixList(fabric),
    routeMaps: loopbackOnlyPolicies(),
    // Tenant routes never meet the loopback-only policy: that is applied in the default instance's ipv4
    // unicast sessions, while a VRF's subnets leave as EVPN type-5 routes through the VRF's own route-maps.
    tenantPrefixLists: tenantPolicies.prefixLists,
    tenantRouteMaps: tenantPolicies.routeMaps,
    tenantVrfs: buildFrrTenantVrfs(fabric, overlay, sw),
    bfdProfile: bfdProfile(fabric),
  };
}

type SessionHardening = Pick<FrrBgpView, 'password' | 'ttlSecurityHops' | 'bfd' | 'bfdProfile' | 'maximumPrefixIpv4'>;

/** `fabric.bgp` on the peer group: every session gets the same password, GTSM, BFD and prefix limit. */
function sessionHardening(fabric: FabricIR, password: string | undefined): SessionHardening {
  const bgp = fabric.bgp;
  if (bgp?.password && password === undefined) throw new Error('thrice: the fabric asks for a BGP password but none was resolved');
  return {
    password: bgp?.password ? (password ?? null) : null,
    // Every fabric session is between directly connected switches, numbered or unnumbered: one hop.
    ttlSecurityHops: bgp?.ttlSecurity ? 1 : null,
    bfd: bgp?.bfd !== undefined,
    bfdProfile: bfdProfile(fabric)?.name ?? null,
    maximumPrefixIpv4: bgp?.maximumPrefixIpv4 ?? null,
  };
}

/** A profile only when the spec sets a timer: `bfd: true` keeps FRR's defaults (300 ms, multiplier 3). */
function bfdProfile(fabric: FabricIR): FrrBfdProfileView | null {
  const bfd = fabric.bgp?.bfd;
  if (!bfd || (bfd.detectMultiplier === null && bfd.receiveInterval === null && bfd.transmitInterval === null)) return null;
  return { name: FABRIC_BFD_PROFILE, ...bfd };
}

function interfaceView(fabric: FabricIR, iface: FabricInterfaceIR): FrrInterfaceView {
  const numbered = fabric.linkMode === 'numbered';
  return {
    name: iface.name,
    description: `to ${iface.peer} ${iface.peerInterface}`,
    address: numbered ? required(iface.address, `address of ${iface.name}`) : null,
    raIntervalSeconds: numbered ? null : RA_INTERVAL_SECONDS,
  };
}

function neighborView(fabric: FabricIR, sw: SwitchIR, iface: FabricInterfaceIR): FrrNeighborView {
  const description = `${iface.peer} ${iface.peerInterface}`;
  if (fabric.linkMode === 'unnumbered') return { peer: iface.name, interface: true, description };
  return { peer: required(iface.peerAddress, `peer address on ${sw.name} ${iface.name}`), interface: false, description };
}

/** The hypervisors' underlay addresses behind this switch's host ports, by port. */
function hostNetworks(fabric: FabricIR, sw: SwitchIR): string[] {
  const addressOf = new Map(fabric.hosts.map((h) => [h.name, h.address]));
  return [...sw.hostPorts].sort((a, b) => a.port - b.port).flatMap((p) => {
    const address = addressOf.get(p.host);
    return address === undefined ? [] : [`${address}/32`];
  });
}

/** Every switch's (and host VTEP's) /32 from the loopback pool, and nothing else. */
function loopbackPrefixList(fabric: FabricIR): FrrPrefixListEntryView[] {
  return [{ name: LOOPBACK_PREFIX_LIST, seq: 10, action: 'permit', prefix: fabric.loopbackPool, ge: 32, le: null }];
}

/**
 * The underlay carries loopbacks only, in both directions. Out must match the whole pool, not just
 * our own /32: spines and super-spines are transit and must pass every other switch's loopback on.
 * Leaves cannot become transit: spines of a pod share an ASN (as super-spines do), so eBGP's AS-path
 * loop check drops anything a leaf would reflect back up.
 */
function loopbackOnlyPolicies(): FrrRouteMapEntryView[] {
  return [
    {
      name: FABRIC_IMPORT_POLICY,
      action: 'permit',
      seq: 10,
      description: 'accept fabric loopbacks only',
      matchSourceVrf: null,
      matchPrefixList: LOOPBACK_PREFIX_LIST,
    },
    {
      name: FABRIC_EXPORT_POLICY,
      action: 'permit',
      seq: 10,
      description: 'advertise fabric loopbacks only, ours and those we transit',
      matchSourceVrf: null,
      matchPrefixList: LOOPBACK_PREFIX_LIST,
    },
  ];
}

function required(value: string | undefined, what: string): string {
  if (value === undefined) throw new Error(`thrice: numbered fabric IR lacks the ${what}`);
  return value;
}

const asnCounts = new WeakMap<FabricIR, ReadonlyMap<number, number>>();

/** How many leaves use each ASN (two for a rack pair), counted once per fabric. */
function leafAsnCounts(fabric: FabricIR): ReadonlyMap<number, number> {
  let counts = asnCounts.get(fabric);
  if (!counts) {
    const c = new Map<number, number>();
    for (const o of fabric.switches) if (o.role === 'leaf' || o.role === 'border') c.set(o.asn, (c.get(o.asn) ?? 0) + 1);
    asnCounts.set(fabric, (counts = c));
  }
  return counts;
}
