// The ready-to-print shape of one switch's frr.conf: every value decided, every list sorted.

export interface FrrConfigView {
  readonly header: FrrHeaderView;
  /** The loopback with its prefix length, e.g. `10.255.0.1/32`. */
  readonly loopback: string;
  /** Fabric-facing interfaces, by port number. */
  readonly interfaces: readonly FrrInterfaceView[];
  readonly bgp: FrrBgpView;
  readonly prefixLists: readonly FrrPrefixListEntryView[];
  /** Sorted by name, then sequence number. */
  readonly routeMaps: readonly FrrRouteMapEntryView[];
  /** VTEPs only: each served VPC's own range, and what its VRF exports to EVPN and leaks in (empty elsewhere). */
  readonly tenantPrefixLists: readonly FrrPrefixListEntryView[];
  readonly tenantRouteMaps: readonly FrrRouteMapEntryView[];
  /** Tenant VRFs this VTEP serves, by name; empty on spines and on leaves without VMs. */
  readonly tenantVrfs: readonly FrrTenantVrfView[];
  /** The `bfd` section's profile for the fabric sessions, when the spec sets BFD timers; else `null`. */
  readonly bfdProfile: FrrBfdProfileView | null;
}

/** A bfdd profile: only the timers the spec sets are printed, FRR's defaults apply to the others. */
export interface FrrBfdProfileView {
  readonly name: string;
  readonly detectMultiplier: number | null;
  readonly receiveInterval: number | null;
  readonly transmitInterval: number | null;
}

export interface FrrHeaderView {
  readonly hostname: string;
  readonly role: string;
}

export interface FrrInterfaceView {
  readonly name: string;
  /** Names the peer and its port, e.g. `to spine1 swp3`. */
  readonly description: string;
  /** Numbered links: this end's `/31`; `null` on unnumbered links. */
  readonly address: string | null;
  /** Unnumbered links: router-advertisement interval that announces our link-local address; else `null`. */
  readonly raIntervalSeconds: number | null;
}

export interface FrrBgpView {
  readonly asn: number;
  readonly routerId: string;
  readonly peerGroup: string;
  readonly keepaliveSeconds: number;
  readonly holdSeconds: number;
  /** One per fabric interface, by port number. */
  readonly neighbors: readonly FrrNeighborView[];
  /** Prefixes this switch originates: its loopback, then the underlay /32 of each hypervisor on its host ports. */
  readonly networks: readonly string[];
  readonly importPolicy: string;
  readonly exportPolicy: string;
  readonly maximumPaths: number;
  /** VTEP switches advertise their local VNIs into EVPN; spines only relay EVPN routes. */
  readonly advertiseAllVni: boolean;
  /**
   * Leaves of a rack pair share an ASN, so each would drop the other's routes as an AS-path loop; accepting
   * our own ASN once (`allowas-in 1`) lets the pair learn each other's loopbacks and EVPN routes via the spines.
   */
  readonly allowAsIn: boolean;
  /** `fabric.bgp.password` as read at compile time (TCP-MD5), or `null`: the file then holds a secret. */
  readonly password: string | null;
  /** GTSM: `ttl-security hops 1` (peers are always directly connected), or `null`. */
  readonly ttlSecurityHops: number | null;
  /** `neighbor fabric bfd` (bfdd tracks every session), and the profile it uses (`null`: FRR's defaults). */
  readonly bfd: boolean;
  readonly bfdProfile: string | null;
  /** `neighbor fabric maximum-prefix` in ipv4 unicast, or `null`. */
  readonly maximumPrefixIpv4: number | null;
}

export interface FrrNeighborView {
  /** The interface name (unnumbered) or the peer's address (numbered). */
  readonly peer: string;
  /** Unnumbered: an interface session (RFC 5549, IPv6 link-local transport, IPv4 routes). */
  readonly interface: boolean;
  /** Names the peer switch and its port, so `show bgp summary wide` says who a numbered peer is. */
  readonly description: string;
}

export interface FrrPrefixListEntryView {
  readonly name: string;
  readonly seq: number;
  readonly action: 'permit' | 'deny';
  readonly prefix: string;
  /** Smallest prefix length matched inside `prefix`, or `null` (from the prefix's own length). */
  readonly ge: number | null;
  /** Largest prefix length matched inside `prefix`, or `null` (up to `ge`, or the prefix's own length). */
  readonly le: number | null;
}

export interface FrrRouteMapEntryView {
  readonly name: string;
  readonly action: 'permit' | 'deny';
  readonly seq: number;
  readonly description: string;
  /** Leaked routes only: the VRF the route was leaked from (`match source-vrf`), or `null`. */
  readonly matchSourceVrf: string | null;
  readonly matchPrefixList: string;
}

/** One tenant VRF (a VPC) on a VTEP: its L3 VNI (symmetric IRB) and the BGP instance that exchanges its type-5 routes. */
export interface FrrTenantVrfView {
  /** The VRF name, which is also the kernel's VRF device. */
  readonly name: string;
  readonly l3Vni: number;
  /** The leaf's own ASN: a VRF instance runs in the same AS as the underlay instance. */
  readonly asn: number;
  readonly routerId: string;
  /** `<loopback>:<32768 + VPC id>`: distinct per VRF on one VTEP, stable (the id is locked), clear of FRR's automatic RDs (vpc-numbers.ts). */
  readonly rd: string;
  readonly routeTargetExport: string;
  /** The VPC's own route target plus every peered VPC's (route leaking), sorted. */
  readonly routeTargetImports: readonly string[];
  /** Border leaves announce a default route into the VRF (EVPN type-5), so tenants reach the outside through them. */
  readonly defaultOriginate: boolean;
  /** Peered VRFs on this same VTEP, leaked locally (`import vrf`): EVPN never imports a VTEP's own routes. */
  readonly importVrfs: readonly string[];
  /** `advertise ipv4 unicast route-map`: only the VPC's own prefixes leave as type-5 routes. */
  readonly evpnExportMap: string;
  /** `import vrf route-map` when `importVrfs` is not empty: only each peer's own prefixes come in; else `null`. */
  readonly leakImportMap: string | null;
}
