// Builds the path of one flow between two endpoint instances through every layer, with the headers and checks at each hop.
import { VPC_VXLAN_PORT } from '../../ir/encapsulation.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import type { VmIR, VpcIR } from '../../ir/overlay-ir.js';
import type { ClusterIR } from '../../ir/cluster-ir.js';
import type { FirewallIR, PlacementKind } from '../../ir/firewall-ir.js';
import type { K8sPod } from '../../k8s/k8s-objects.js';
import type { FlowEnd } from '../../policy/pod-flow.js';
import type { EndpointInstance, EnforcementCheck, Flow, FlowPath, Header, Hop, HopLayer, PathKind } from './path-types.js';
import { checkFirewall, checkSecurityGroups } from './filter-checks.js';
import { checkNetworkPolicy } from './network-policy-check.js';
import { parseAddress } from '../../ir/ipv4.js';
import { rangeOfCidr } from './address-range.js';


type PodEnd = Extract<EndpointInstance, { kind: 'pod' }>;
type VmEnd = Extract<EndpointInstance, { kind: 'vm' }>;

interface Walk {
  hops: Hop[];
  /** The flow's own headers as the user wrote it (payload, pre-masquerade), for bypass detection. */
  flowHeaders: Header[];
}

export class PathBuilder {
  private readonly vms: Map<string, VmIR>;
  private readonly vpcs: Map<string, VpcIR>;
  private readonly switches: Map<string, NonNullable<TopologyIR['fabric']>['switches'][number]>;

  constructor(private readonly ir: TopologyIR) {
    this.vms = new Map(ir.overlay.vms.map((v) => [v.name, v]));
    this.vpcs = new Map(ir.overlay.vpcs.map((v) => [v.name, v]));
    this.switches = new Map((ir.fabric?.switches ?? []).map((s) => [s.name, s]));
  }

  path(from: EndpointInstance, to: EndpointInstance, flow: Flow): FlowPath {
    const payload: Header = { kind: 'payload', src: from.address, dst: to.address, proto: flow.proto, ...(flow.port === undefined ? {} : { dport: flow.port }) };
    const walk: Walk = { hops: [], flowHeaders: [payload] };
    const done = (kind: PathKind, unreachable?: string): FlowPath => {
      const denied = walk.hops.some((h) => h.checks.some((c) => c.verdict === 'deny'));
      return { from, to, proto: flow.proto, port: flow.port, kind, hops: walk.hops, verdict: unreachable || denied ? 'deny' : 'allow', ...(unreachable ? { unreachable } : {}) };
    };
    if (from.kind === 'host' || to.kind === 'host') {
      if (from.kind !== 'host' || to.kind !== 'host') return done('unreachable', 'hypervisors are on the underlay, which tenant VRFs and the outside have no route to');
      return this.underlay(from, to, payload, walk, done);
    }
    if (from.kind === 'external' && to.kind === 'external') return done('unreachable', 'both ends are outside the fabric');
    // Source side: a pod's own egress, then its node VM emits either flannel VXLAN or a masqueraded packet.
    let vmFrom: VmIR | undefined;
    let stack: Header[] = [payload];
    let podDst: PodEnd | undefined;
    if (from.kind === 'pod') {
      const cluster = this.cluster(from.cluster);
      vmFrom = this.vms.get(from.vm);
      if (!from.hostNetwork) {
        const dstEnd: FlowEnd = to.kind === 'pod' && to.cluster === from.cluster && !to.hostNetwork ? { pod: this.k8sPod(cluster, to) } : { address: addr(to.address) };
        const egress = checkNetworkPolicy(cluster.policyModel, this.k8sPod(cluster, from), 'Egress', dstEnd, dstEnd, flow, payload);
        walk.hops.push(hop('pod', from.name, `leaves pod ${from.namespace}/${from.pod}`, [payload], [egress]));
        if (to.kind === 'pod' && to.cluster === from.cluster && !to.hostNetwork) {
          podDst = to;
          if (to.vm === from.vm) {
            walk.hops.push(hop('node', from.vm, `bridged by cni0 on node ${from.vm}`, [payload], []));
            this.podIngress(cluster, from, to, flow, payload, walk);
            return done('same-node');
          }
          const a = this.vms.get(from.vm) as VmIR;
          const b = this.vms.get(to.vm) as VmIR;
          const outer: Header = { kind: 'flannel-vxlan', src: a.ip, dst: b.ip, proto: 'udp', dport: cluster.cni.port, vni: cluster.cni.vni };
          stack = cluster.cni.backend === 'vxlan' ? [outer, payload] : [payload];
          walk.hops.push(hop('node', from.vm, cluster.cni.backend === 'vxlan' ? `encapsulated by ${cluster.cni.device} toward node ${to.vm}` : `routed (${cluster.cni.backend}) toward node ${to.vm}`, stack, []));
        } else if (to.kind === 'pod') {
          return done('unreachable', `the pod network of cluster ${to.cluster} is not routed outside its nodes`);
        } else if (!inCidr(to.address, cluster.podCidr)) {
          const masqueraded: Header = { ...payload, src: vmFrom?.ip ?? from.address };
          stack = [masqueraded];
          walk.flowHeaders.push(masqueraded);
          walk.hops.push(hop('node', from.vm, `masqueraded to node ${from.vm}'s address ${masqueraded.src} (leaving ${cluster.podCidr})`, stack, []));
        }
      }
    } else if (from.kind === 'vm') {
      vmFrom = this.vms.get(from.vm);
    }
    if (to.kind === 'pod' && !to.hostNetwork && !podDst) {
      return done('unreachable', `pod addresses of cluster ${to.cluster} (${this.cluster(to.cluster).podCidr}) are routed only between its nodes`);
    }
    const vmTo = to.kind === 'vm' || to.kind === 'pod' ? this.vms.get(to.vm) : undefined;
    if (from.kind === 'external') {
      if (!vmTo) return done('unreachable', 'no VM at the destination');
      return this.northSouth(undefined, vmTo, stack, walk, done, 'in');
    }
    if (!vmFrom) return done('unreachable', 'no VM at the source');
    if (to.kind === 'external') return this.northSouth(vmFrom, undefined, stack, walk, done, 'out');
    if (!vmTo) return done('unreachable', 'no VM at the destination');
    const kind = this.vpcSegment(vmFrom, vmTo, stack, walk);
    if (typeof kind === 'object') return done('unreachable', kind.unreachable);
    if (podDst && from.kind === 'pod') {
      const cluster = this.cluster(podDst.cluster);
      walk.hops.push(hop('node', podDst.vm, `decapsulated on node ${podDst.vm}, bridged by cni0`, [payload], []));
      this.podIngress(cluster, from, podDst, flow, payload, walk);
    } else if (to.kind === 'pod' && to.hostNetwork) {
      walk.hops.push(hop('node', to.vm, `delivered to hostNetwork pod ${to.namespace}/${to.pod} on the node's address (no NetworkPolicy applies)`, stack, []));
    }
    return done(kind);
  }

  private podIngress(cluster: ClusterIR, from: EndpointInstance, to: PodEnd, flow: Flow, payload: Header, walk: Walk): void {
    const dst = { pod: this.k8sPod(cluster, to) };
    const src: FlowEnd = from.kind === 'pod' && from.cluster === to.cluster && !from.hostNetwork ? { pod: this.k8sPod(cluster, from) } : { address: addr(from.address) };
    const check = checkNetworkPolicy(cluster.policyModel, dst.pod, 'Ingress', src, dst, flow, payload);
    walk.hops.push(hop('pod', to.name, `enters pod ${to.namespace}/${to.pod}`, [payload], [check]));
  }

  /** VM to VM inside the VPC layer (and peered VPCs): VM, hypervisor, leaf, fabric, leaf, hypervisor, VM. */
  private vpcSegment(a: VmIR, b: VmIR, stack: Header[], walk: Walk): PathKind | { unreachable: string } {
    if (a.vpc !== b.vpc && !(this.vpcs.get(a.vpc)?.peers ?? []).includes(b.vpc)) {
      return { unreachable: `VPCs ${a.vpc} and ${b.vpc} are not peered` };
    }
    this.vmEgress(a, stack, walk);
    if (a.host === b.host && a.subnet === b.subnet && a.vpc === b.vpc) {
      this.vmIngress(b, stack, walk, false);
      return 'same-host';
    }
    walk.hops.push(hop('leaf', a.leaf, `leaf ${a.leaf} receives it on the port toward ${a.host}`, stack, this.firewalls('leaf', [a.leaf], stack[0] as Header, walk)));
    if (a.leaf === b.leaf) {
      this.vmIngress(b, stack, walk, true);
      return 'same-leaf';
    }
    const sameSubnet = a.vpc === b.vpc && a.subnet === b.subnet;
    const vpc = this.vpcs.get(b.vpc);
    const subnet = vpc?.subnets.find((s) => s.name === b.subnet);
    // Routed traffic rides the L3 VNI of the VRF that routes it at the ingress leaf: for a peering, the source's.
    const vni = sameSubnet ? (subnet?.vni ?? 0) : (this.vpcs.get(a.vpc)?.l3Vni ?? 0);
    const outer: Header = { kind: 'vpc-vxlan', src: this.loopback(a.leaf), dst: this.loopback(b.leaf), proto: 'udp', dport: VPC_VXLAN_PORT, vni };
    const encapsulated = [outer, ...stack];
    const kind = this.fabricTransit(a.leaf, b.leaf, encapsulated, walk, sameSubnet ? `bridged over L2 VNI ${vni}` : `routed (symmetric IRB) over L3 VNI ${vni}`);
    walk.hops.push(hop('leaf', b.leaf, `leaf ${b.leaf} decapsulates and sends it toward ${b.host}`, stack, this.firewalls('leaf', [b.leaf], stack[0] as Header, walk)));
    this.vmIngress(b, stack, walk, true);
    return kind;
  }

  /** Between two leaves over the fabric: their spines, and in three tiers the super-spines between pods. */
  private fabricTransit(leafA: string, leafB: string, stack: Header[], walk: Walk, how: string): PathKind {
    const podA = this.switches.get(leafA)?.pod;
    const podB = this.switches.get(leafB)?.pod;
    const spinesOf = (pod: string | undefined) => [...this.switches.values()].filter((s) => s.role === 'spine' && s.pod === pod).map((s) => s.name);
    const outer = stack[0] as Header;
    walk.hops.push(hop('leaf', leafA, `leaf ${leafA} encapsulates it (${how})`, stack, []));
    const spinesA = spinesOf(podA);
    walk.hops.push(hop('spine', spinesA.join('|'), `spines ${spinesA.join(', ')} (ECMP)`, stack, this.firewalls('spines', spinesA, outer, walk)));
    if (podA !== podB) {
      const supers = [...this.switches.values()].filter((s) => s.role === 'super-spine').map((s) => s.name);
      walk.hops.push(hop('super-spine', supers.join('|'), `super-spines ${supers.join(', ')} (ECMP)`, stack, this.firewalls('superSpines', supers, outer, walk)));
      const spinesB = spinesOf(podB);
      walk.hops.push(hop('spine', spinesB.join('|'), `spines ${spinesB.join(', ')} (ECMP)`, stack, this.firewalls('spines', spinesB, outer, walk)));
      return 'cross-pod';
    }
    return 'cross-leaf';
  }

  private vmEgress(vm: VmIR, stack: Header[], walk: Walk): void {
    const seen = stack[0] as Header;
    walk.hops.push(hop('vm', vm.name, `leaves VM ${vm.name} on ${vm.interface}`, stack, this.firewalls('vm', [vm.name], seen, walk)));
    const checks = [this.securityGroups(vm, 'egress', seen, walk), ...this.firewalls('host', [vm.host], seen, walk)].filter((c): c is EnforcementCheck => c !== undefined);
    walk.hops.push(hop('host', `${vm.host} ${vm.hostPort}`, `hypervisor ${vm.host} port ${vm.hostPort}`, stack, checks));
  }

  private vmIngress(vm: VmIR, stack: Header[], walk: Walk, hostFirewall: boolean): void {
    const seen = stack[0] as Header;
    const checks = [this.securityGroups(vm, 'ingress', seen, walk), ...(hostFirewall ? this.firewalls('host', [vm.host], seen, walk) : [])].filter(
      (c): c is EnforcementCheck => c !== undefined,
    );
    walk.hops.push(hop('host', `${vm.host} ${vm.hostPort}`, `hypervisor ${vm.host} port ${vm.hostPort}`, stack, checks));
    walk.hops.push(hop('vm', vm.name, `enters VM ${vm.name} on ${vm.interface}`, stack, this.firewalls('vm', [vm.name], seen, walk)));
  }

  /** Traffic between a VM and the outside crosses a border leaf, where the edge firewalls see the tenant header. */
  private northSouth(from: VmIR | undefined, to: VmIR | undefined, stack: Header[], walk: Walk, done: (k: PathKind, u?: string) => FlowPath, direction: 'in' | 'out'): FlowPath {
    const borders = [...this.switches.values()].filter((s) => s.role === 'border').map((s) => s.name);
    const border = borders[0];
    if (!border) return done('unreachable', 'the fabric has no border leaf, so nothing reaches the outside');
    const edge = (): void => {
      walk.hops.push(hop('border', borders.join('|'), `border leaves ${borders.join(', ')}: the edge between the fabric and the outside`, stack, this.firewalls('border', borders, stack[0] as Header, walk)));
    };
    const tunnel = (a: string, b: string, vm: VmIR): void => {
      if (a === b) return;
      const vni = this.vpcs.get(vm.vpc)?.l3Vni ?? 0;
      const outer: Header = { kind: 'vpc-vxlan', src: this.loopback(a), dst: this.loopback(b), proto: 'udp', dport: VPC_VXLAN_PORT, vni };
      this.fabricTransit(a, b, [outer, ...stack], walk, `routed over L3 VNI ${vni}`);
    };
    if (direction === 'in' && to) {
      walk.hops.push(hop('external', 'outside', 'arrives from outside the fabric', stack, []));
      edge();
      tunnel(border, to.leaf, to);
      walk.hops.push(hop('leaf', to.leaf, `leaf ${to.leaf} sends it toward ${to.host}`, stack, this.firewalls('leaf', [to.leaf], stack[0] as Header, walk)));
      this.vmIngress(to, stack, walk, true);
    } else if (from) {
      this.vmEgress(from, stack, walk);
      walk.hops.push(hop('leaf', from.leaf, `leaf ${from.leaf} receives it on the port toward ${from.host}`, stack, this.firewalls('leaf', [from.leaf], stack[0] as Header, walk)));
      tunnel(from.leaf, border, from);
      edge();
      walk.hops.push(hop('external', 'outside', 'leaves the fabric', stack, []));
    }
    return done('north-south');
  }

  /** Hypervisor to hypervisor on the underlay: no tunnel, so every hop sees the real header. */
  private underlay(from: Extract<EndpointInstance, { kind: 'host' }>, to: Extract<EndpointInstance, { kind: 'host' }>, payload: Header, walk: Walk, done: (k: PathKind) => FlowPath): FlowPath {
    const stack = [payload];
    walk.hops.push(hop('host', from.host, `leaves hypervisor ${from.host}`, stack, this.firewalls('host', [from.host], payload, walk)));
    walk.hops.push(hop('leaf', from.leaf, `leaf ${from.leaf}`, stack, this.firewalls('leaf', [from.leaf], payload, walk)));
    if (from.leaf !== to.leaf) {
      this.fabricTransitPlain(from.leaf, to.leaf, stack, walk);
      walk.hops.push(hop('leaf', to.leaf, `leaf ${to.leaf}`, stack, this.firewalls('leaf', [to.leaf], payload, walk)));
    }
    walk.hops.push(hop('host', to.host, `enters hypervisor ${to.host}`, stack, this.firewalls('host', [to.host], payload, walk)));
    return done('underlay');
  }

  private fabricTransitPlain(leafA: string, leafB: string, stack: Header[], walk: Walk): void {
    const podA = this.switches.get(leafA)?.pod;
    const podB = this.switches.get(leafB)?.pod;
    const spinesOf = (pod: string | undefined) => [...this.switches.values()].filter((s) => s.role === 'spine' && s.pod === pod).map((s) => s.name);
    const a = spinesOf(podA);
    walk.hops.push(hop('spine', a.join('|'), `spines ${a.join(', ')} (ECMP, routed on the underlay)`, stack, this.firewalls('spines', a, stack[0] as Header, walk)));
    if (podA !== podB) {
      const supers = [...this.switches.values()].filter((s) => s.role === 'super-spine').map((s) => s.name);
      walk.hops.push(hop('super-spine', supers.join('|'), `super-spines ${supers.join(', ')} (ECMP)`, stack, this.firewalls('superSpines', supers, stack[0] as Header, walk)));
      const b = spinesOf(podB);
      walk.hops.push(hop('spine', b.join('|'), `spines ${b.join(', ')} (ECMP)`, stack, this.firewalls('spines', b, stack[0] as Header, walk)));
    }
  }

  /** Every firewall placed at this kind of position and enforced on one of these devices. */
  private firewalls(kind: PlacementKind, devices: readonly string[], seen: Header, walk: Walk): EnforcementCheck[] {
    return this.ir.firewalls
      .filter((fw: FirewallIR) => fw.placement.kind === kind && fw.enforcedOn.some((d) => devices.includes(d)))
      .map((fw) => checkFirewall(fw, seen, walk.flowHeaders));
  }

  private securityGroups(vm: VmIR, direction: 'ingress' | 'egress', seen: Header, walk: Walk): EnforcementCheck | undefined {
    const groups = (this.vpcs.get(vm.vpc)?.securityGroups ?? []).filter((g) => vm.securityGroups.includes(g.name));
    return checkSecurityGroups(vm.name, groups, direction, seen, walk.flowHeaders);
  }

  private cluster(name: string): ClusterIR {
    return this.ir.clusters.find((c) => c.name === name) as ClusterIR;
  }

  private k8sPod(cluster: ClusterIR, end: PodEnd): K8sPod {
    return cluster.policyModel.pods[end.podIndex] as K8sPod;
  }

  private loopback(sw: string): string {
    return this.switches.get(sw)?.loopback ?? '0.0.0.0';
  }
}

function hop(layer: HopLayer, at: string, description: string, headers: readonly Header[], checks: readonly EnforcementCheck[]): Hop {
  return { layer, at, description, headers: [...headers], checks };
}

function addr(text: string): number {
  return parseAddress(text.split('-')[0]?.split('/')[0] ?? '') ?? 0;
}

function inCidr(address: string, cidr: string): boolean {
  const r = rangeOfCidr(cidr);
  const a = addr(address);
  return r !== undefined && a >= r.first && a <= r.last;
}

export type { VmEnd };
