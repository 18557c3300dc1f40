// Builds the path of one flow between two endpoint instances through every layer, with the headers and checks at each hop.
import { VPC_VXLAN_PORT } from '../../ir/encapsulation.js';
import type { TopologyIR } from '../../ir/topology-ir.js';
import type { VmIR, VpcIR } from '../../ir/overlay-ir.js';
import type { ClusterIR, ClusterNodeIR } from '../../ir/cluster-ir.js';
import { enforcesNetworkPolicies, unenforcedReason } from '../../ir/network-policy-enforcer.js';
import type { FirewallIR, PlacementKind } from '../../ir/firewall-ir.js';
import type { K8sPod } from '../../k8s/k8s-objects.js';
import type { FlowEnd } from '../../policy/pod-flow.js';
import type { EndpointInstance, EnforcementCheck, Flow, FlowPath, Header, Hop, HopLayer, PathKind } from './path-types.js';
import { checkFirewall, checkSecurityGroups } from './filter-checks.js';
import { checkNetworkPolicy } from './network-policy-check.js';
import { nodeToNode } from './node-to-node-overlay.js';
import { parseAddress } from '../../ir/ipv4.js';
import { rangeOfCidr } from './address-range.js';
import { type BorderChoice, borderChoices, firstPacketCheck, replyCheck } from './border-crossing.js';
import { statelessReplyHops } from './stateless-replies.js';


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

  /** Every path of the flow: one, or for a north-south flow over several border leaves one per way it can cross them. */
  paths(from: EndpointInstance, to: EndpointInstance, flow: Flow): FlowPath[] {
    const borders = this.borderLeaves();
    const first = this.path(from, to, flow, borders.length > 1 ? { forward: borders[0] as string, reply: borders[0] as string } : undefined);
    if (first.kind !== 'north-south' || borders.length < 2) return [first];
    const seen = first.hops.find((h) => h.layer === 'border')?.headers[0];
    const firewalls = this.ir.firewalls.filter((fw) => fw.placement.kind === 'border');
    return borderChoices(borders, firewalls, seen).map((via) => this.path(from, to, flow, via));
  }

  /** `via`: which border leaves a north-south flow crosses (the first by name each way when absent). */
  path(from: EndpointInstance, to: EndpointInstance, flow: Flow, via?: BorderChoice): FlowPath {
    const payload: Header = { kind: 'payload', src: from.address, dst: to.address, proto: flow.proto, ...(flow.port === undefined ? {} : { dport: flow.port }), ...flowVpc(from, to) };
    const walk: Walk = { hops: [], flowHeaders: [payload] };
    const done = (kind: PathKind, unreachable?: string): FlowPath => {
      // A connection needs its replies: where the first packet passed, the stateless ACLs it crossed judge them too.
      if (!unreachable && !walk.hops.some((h) => h.checks.some((c) => c.verdict === 'deny'))) walk.hops.push(...statelessReplyHops(walk.hops, this.ir.firewalls));
      const denied = walk.hops.some((h) => h.checks.some((c) => c.verdict === 'deny'));
      return { from, to, proto: flow.proto, port: flow.port, kind, hops: walk.hops, verdict: unreachable || denied ? 'deny' : 'allow', ...(unreachable ? { unreachable } : {}) };
    };
    if (from.kind === 'host' || to.kind === 'host') {
      if (from.kind !== 'host' || to.kind !== 'host') return done('unreachable', 'hypervisors are on the underlay, which tenant VRFs and the outside have no route to');
      return this.underlay(from, to, payload, walk, done);
    }
    if (from.kind === 'external' && to.kind === 'external') return done('unreachable', 'both ends are outside the fabric');
    // Between a node (its VM, or a hostNetwork pod, which is the node) and the pods of its cluster: see node-pod.
    const nodeToPod = this.nodeSourceOf(from, to);
    if (nodeToPod) return this.nodeToPod(nodeToPod.node, nodeToPod.cluster, from, to as PodEnd, flow, payload, walk, done);
    if (from.kind === 'pod' && !from.hostNetwork && this.isOwnNode(from, to)) return this.podToOwnNode(from, to, flow, payload, walk, done);
    // Source side: a pod's own egress, then its node VM emits either flannel VXLAN or a masqueraded packet.
    let vmFrom: VmIR | undefined;
    let stack: Header[] = [payload];
    let podDst: PodEnd | undefined;
    if (from.kind === 'pod') {
      const cluster = this.cluster(from.cluster);
      vmFrom = this.vms.get(from.vm);
      if (!from.hostNetwork) {
        const dstEnd: FlowEnd = to.kind === 'pod' && to.cluster === from.cluster && !to.hostNetwork ? { pod: this.k8sPod(cluster, to) } : { address: addr(to.address) };
        this.podEgress(cluster, from, dstEnd, flow, payload, walk);
        if (to.kind === 'pod' && to.cluster === from.cluster && !to.hostNetwork) {
          podDst = to;
          if (to.vm === from.vm) {
            walk.hops.push(hop('node', from.vm, `bridged by cni0 on node ${from.vm}`, [payload], []));
            this.podIngress(cluster, from, to, flow, payload, walk);
            return done('same-node');
          }
          const a = this.vms.get(from.vm) as VmIR;
          const b = this.vms.get(to.vm) as VmIR;
          const overlay = nodeToNode(cluster.cni, { from: { name: a.name, ip: a.ip }, to: { name: b.name, ip: b.ip } }, payload);
          stack = [...overlay.stack];
          walk.hops.push(hop('node', from.vm, overlay.sent, stack, []));
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
      return this.northSouth(undefined, vmTo, stack, walk, done, 'in', via);
    }
    if (!vmFrom) return done('unreachable', 'no VM at the source');
    if (to.kind === 'external') return this.northSouth(vmFrom, undefined, stack, walk, done, 'out', via);
    if (!vmTo) return done('unreachable', 'no VM at the destination');
    const kind = this.vpcSegment(vmFrom, vmTo, stack, walk);
    if (typeof kind === 'object') return done('unreachable', kind.unreachable);
    if (podDst && from.kind === 'pod') {
      const cluster = this.cluster(podDst.cluster);
      walk.hops.push(hop('node', podDst.vm, nodeToNode(cluster.cni, { from: vmFrom, to: vmTo }, payload).received, [payload], []));
      this.podIngress(cluster, from, podDst, flow, payload, walk);
    } else if (to.kind === 'pod' && to.hostNetwork) {
      walk.hops.push(hop('node', to.vm, `delivered to hostNetwork pod ${to.namespace}/${to.pod} on the node's address (no NetworkPolicy applies)`, stack, []));
    }
    return done(kind);
  }

  /** The source pod's egress policies, when the cluster deploys an enforcer; with none, a hop that says so. */
  private podEgress(cluster: ClusterIR, from: PodEnd, dst: FlowEnd, flow: Flow, payload: Header, walk: Walk, exempt?: string): void {
    const what = `leaves pod ${from.namespace}/${from.pod}`;
    if (!enforcesNetworkPolicies(cluster)) {
      walk.hops.push(hop('pod', from.name, `${what} (no NetworkPolicy applies: ${unenforcedReason(cluster)})`, [payload], []));
      return;
    }
    const check = exempt ? exemptCheck(from, 'network-policy-egress', payload, exempt) : checkNetworkPolicy(cluster.policyModel, this.k8sPod(cluster, from), 'Egress', dst, dst, flow, payload);
    walk.hops.push(hop('pod', from.name, what, [payload], [check]));
  }

  /**
   * The destination pod's ingress policies over the header it receives (`seen`: a node's own traffic arrives from
   * the node's cni0 or overlay address). `exempt`: why the enforcer lets it in without evaluating any policy.
   */
  private podIngress(cluster: ClusterIR, from: EndpointInstance, to: PodEnd, flow: Flow, seen: Header, walk: Walk, exempt?: string): void {
    const what = `enters pod ${to.namespace}/${to.pod}`;
    if (!enforcesNetworkPolicies(cluster)) {
      walk.hops.push(hop('pod', to.name, `${what} (no NetworkPolicy applies: ${unenforcedReason(cluster)})`, [seen], []));
      return;
    }
    const dst = { pod: this.k8sPod(cluster, to) };
    const src: FlowEnd = from.kind === 'pod' && from.cluster === to.cluster && !from.hostNetwork ? { pod: this.k8sPod(cluster, from) } : { address: addr(seen.src) };
    const check = exempt ? exemptCheck(to, 'network-policy-ingress', seen, exempt) : checkNetworkPolicy(cluster.policyModel, dst.pod, 'Ingress', src, dst, flow, seen);
    walk.hops.push(hop('pod', to.name, what, [seen], [check]));
  }

  /** The node `from` stands for, when it is a node of the cluster of `to`, a (non-hostNetwork) pod. */
  private nodeSourceOf(from: EndpointInstance, to: EndpointInstance): { node: ClusterNodeIR; cluster: ClusterIR } | undefined {
    if (to.kind !== 'pod' || to.hostNetwork) return undefined;
    const vm = from.kind === 'vm' || (from.kind === 'pod' && from.hostNetwork) ? from.vm : undefined;
    const cluster = this.cluster(to.cluster);
    const node = cluster.nodes.find((n) => n.name === vm);
    return node ? { node, cluster } : undefined;
  }

  /** Whether `to` is the node the pod `from` runs on: the node VM itself or a hostNetwork pod there. */
  private isOwnNode(from: PodEnd, to: EndpointInstance): boolean {
    return (to.kind === 'vm' || (to.kind === 'pod' && to.hostNetwork)) && to.vm === from.vm;
  }

  /**
   * A node toward a pod: its own pods through cni0 (source: cni0's address), other nodes' pods through the pod
   * overlay, from the address flannel gives the node for it (see nodePodSource). The VPC's filters see the overlay's
   * header; the pod's policies see that source, except for node-local traffic, which kube-network-policies passes.
   */
  private nodeToPod(node: ClusterNodeIR, cluster: ClusterIR, from: EndpointInstance, to: PodEnd, flow: Flow, payload: Header, walk: Walk, done: (k: PathKind, u?: string) => FlowPath): FlowPath {
    const who = from.kind === 'pod' ? `hostNetwork pod ${from.namespace}/${from.pod} on node ${node.name}` : `node ${node.name}`;
    if (to.vm === node.name) {
      const seen: Header = { ...payload, src: addressOf(node.bridgeAddress) };
      walk.flowHeaders.push(seen);
      walk.hops.push(hop('node', node.name, `sent by ${who} to its own pod through cni0, from cni0's address ${seen.src}`, [seen], []));
      this.podIngress(cluster, from, to, flow, seen, walk, NODE_LOCAL_INGRESS);
      return done('same-node');
    }
    const a = this.vms.get(node.name) as VmIR;
    const b = this.vms.get(to.vm) as VmIR;
    const inner: Header = { ...payload, src: nodePodSource(cluster, node) };
    walk.flowHeaders.push(inner);
    const overlay = nodeToNode(cluster.cni, { from: { name: a.name, ip: a.ip }, to: { name: b.name, ip: b.ip } }, inner);
    walk.hops.push(hop('node', node.name, `sent by ${who} toward node ${to.vm}'s pod subnet from ${inner.src}; ${overlay.sent}`, [...overlay.stack], []));
    const kind = this.vpcSegment(a, b, [...overlay.stack], walk);
    if (typeof kind === 'object') return done('unreachable', kind.unreachable);
    walk.hops.push(hop('node', to.vm, overlay.received, [inner], []));
    this.podIngress(cluster, from, to, flow, inner, walk);
    return done(kind);
  }

  /** A pod toward its own node: cni0 delivers it to the node itself; it never reaches the VPC. */
  private podToOwnNode(from: PodEnd, to: EndpointInstance, flow: Flow, payload: Header, walk: Walk, done: (k: PathKind) => FlowPath): FlowPath {
    const cluster = this.cluster(from.cluster);
    const dst: FlowEnd = { address: addr(to.address) };
    this.podEgress(cluster, from, dst, flow, payload, walk, NODE_LOCAL_EGRESS);
    const what = to.kind === 'pod' ? `hostNetwork pod ${to.namespace}/${to.pod} on node ${from.vm}` : `node ${from.vm} itself`;
    walk.hops.push(hop('node', from.vm, `delivered through cni0 to ${what}, never onto the VPC`, [payload], []));
    return done('same-node');
  }

  /** VM to VM inside the VPC layer (and peered VPCs): VM, hypervisor, leaf, fabric, leaf, hypervisor, VM. */
  private vpcSegment(a: VmIR, b: VmIR, stack: Header[], walk: Walk): PathKind | { unreachable: string } {
    // Only a direct peering routes: the emitted VRFs send as type-5 and leak in only a VPC's own prefixes
    // (src/emit/frr/build-frr-tenant-policies.ts), so a peer's peer, or its default route, never arrives.
    if (a.vpc !== b.vpc && !(this.vpcs.get(a.vpc)?.peers ?? []).includes(b.vpc)) {
      return { unreachable: `VPCs ${a.vpc} and ${b.vpc} are not peered (peerings are not transitive)` };
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

  /**
   * Traffic between a VM and the outside crosses a border leaf, where the edge firewalls see the tenant header. With
   * several, `via` names the one the first packet crosses and the one its reply crosses, each picked by ECMP (the
   * tenant VRFs' default route, the outside's routing), so a reply hop judges the reply where it crosses.
   */
  private northSouth(from: VmIR | undefined, to: VmIR | undefined, stack: Header[], walk: Walk, done: (k: PathKind, u?: string) => FlowPath, direction: 'in' | 'out', via?: BorderChoice): FlowPath {
    const borders = this.borderLeaves();
    const border = via?.forward ?? borders[0];
    if (!border) return done('unreachable', 'the fabric has no border leaf, so nothing reaches the outside');
    const edgeFirewalls = this.ir.firewalls.filter((fw) => fw.placement.kind === 'border' && fw.enforcedOn.includes(border));
    const edge = (): void => {
      const seen = stack[0] as Header;
      const checks = edgeFirewalls.map((fw) => firstPacketCheck(fw, seen, walk.flowHeaders, via?.sourcePort));
      const which = borders.length > 1 ? `border leaf ${border} (one of ${borders.join(', ')})` : `border leaf ${border}`;
      walk.hops.push(hop('border', border, `${which}: the edge between the fabric and the outside`, stack, checks));
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
    if (!via) return done('north-south');
    const seen = walk.hops.find((h) => h.layer === 'border')?.headers[0] as Header;
    if (!walk.hops.some((h) => h.checks.some((c) => c.verdict === 'deny'))) {
      const replyFirewalls = this.ir.firewalls.filter((fw) => fw.placement.kind === 'border' && fw.enforcedOn.includes(via.reply));
      const checks = replyFirewalls.map((fw) => replyCheck(fw, seen, via));
      const reply = checks[0]?.sees ?? { ...seen, src: seen.dst, dst: seen.src };
      const side = direction === 'in' ? 'leaves through' : 'comes back in through';
      const port = seen.proto === 'icmp' ? ' (echo reply)' : seen.dport === undefined ? '' : ` from ${seen.proto.toUpperCase()} port ${seen.dport} to the client's port${via.sourcePort === undefined ? '' : ` ${via.sourcePort}`}`;
      walk.hops.push({ ...hop('border', via.reply, `the reply${port} ${side} border leaf ${via.reply}${via.reply === border ? '' : ` (the first packet crossed ${border})`}`, [reply], checks), reply: true });
    }
    return { ...done('north-south'), crossing: via };
  }

  private borderLeaves(): string[] {
    return [...this.switches.values()].filter((s) => s.role === 'border').map((s) => s.name);
  }

  /**
   * Hypervisor to hypervisor on the underlay (untagged on the uplinks, routed by the leaves; setup.sh and
   * interfaces.sh): no tunnel, so every hop sees the real header. Only spine and super-spine firewalls filter it:
   * leaf and hypervisor firewalls are bridge tables on the VLAN and VM ports, which this traffic never crosses.
   */
  private underlay(from: Extract<EndpointInstance, { kind: 'host' }>, to: Extract<EndpointInstance, { kind: 'host' }>, payload: Header, walk: Walk, done: (k: PathKind) => FlowPath): FlowPath {
    const stack = [payload];
    walk.hops.push(hop('host', from.host, `leaves hypervisor ${from.host} (its own address, untagged on the uplink)`, stack, []));
    walk.hops.push(hop('leaf', from.leaf, `leaf ${from.leaf} (routed on the underlay; its firewalls filter VLAN ports only)`, stack, []));
    if (from.leaf !== to.leaf) {
      this.fabricTransitPlain(from.leaf, to.leaf, stack, walk);
      walk.hops.push(hop('leaf', to.leaf, `leaf ${to.leaf} (routed on the underlay; its firewalls filter VLAN ports only)`, stack, []));
    }
    walk.hops.push(hop('host', to.host, `enters hypervisor ${to.host} (its firewalls filter VM ports only)`, stack, []));
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

/** kube-network-policies judges packets leaving the node (postrouting) and lets root-owned local sockets pass. */
const NODE_LOCAL_INGRESS =
  'node-local: kube-network-policies accepts what the node itself sends (root-owned sockets, as the kubelet\'s; `meta skuid 0 accept`) before evaluating any policy';
const NODE_LOCAL_EGRESS =
  'to its own node: kube-network-policies evaluates packets only as they leave the node (postrouting), and delivery to the node\'s own addresses never passes there';

function exemptCheck(end: PodEnd, kind: 'network-policy-ingress' | 'network-policy-egress', seen: Header, reason: string): EnforcementCheck {
  return { kind, name: `${end.namespace}/${end.pod}`, sees: seen, verdict: 'allow', reason, bypassed: [] };
}

/**
 * The source a node's packets to other nodes' pods carry, as the emitted overlay makes the kernel choose it: the
 * overlay device's address (the node subnet's .0/32, flannel's choice) for vxlan and wireguard; for host-gw the
 * route leaves on the VPC interface and flannel's masquerade (non-pod source toward pods) keeps its address.
 */
function nodePodSource(cluster: ClusterIR, node: ClusterNodeIR): string {
  return cluster.cni.backend === 'host-gw' ? node.address : addressOf(node.vtepAddress);
}

function addressOf(withPrefix: string): string {
  return withPrefix.split('/')[0] ?? withPrefix;
}

/**
 * The VPC a flow's own packet travels in: the source's, else the destination's (from the outside). A flow between
 * peered VPCs stays in the source's here: peered VPCs and a VPC's peers never overlap, so whichever VRF a hop sees
 * it in, the same references match its addresses (see overlay-rules.ts). Hypervisors' flows are on the underlay.
 */
function flowVpc(from: EndpointInstance, to: EndpointInstance): { vpc?: string } {
  const inVpc = (e: EndpointInstance): string | undefined => (e.kind === 'vm' || e.kind === 'pod' ? e.vpc : undefined);
  const vpc = inVpc(from) ?? inVpc(to);
  return vpc === undefined || from.kind === 'host' || to.kind === 'host' ? {} : { vpc };
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
