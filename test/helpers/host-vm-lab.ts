// Throwaway network namespaces standing in for leaves, hypervisors, VMs and pods, with a UDP echo probe; never touches the host namespace.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../../src/emit/emitter.js';
import type { ClusterIR, ClusterNodeIR } from '../../src/ir/cluster-ir.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import { formatAddress, parseAddress } from '../../src/ir/ipv4.js';

const ECHO_PORT = '7777';
/** Replies to every datagram with one of the same size that starts with the sender's address as seen here. */
const ECHO_SERVER = `
const socket = require('node:dgram').createSocket('udp4');
socket.on('message', (message, remote) => {
  const reply = Buffer.alloc(message.length);
  reply.write(remote.address);
  socket.send(reply, remote.port, remote.address);
});
socket.bind(Number(process.argv[2]), process.argv[1], () => console.log('ready'));
`;
/** Sends one datagram of the given size (three tries) and prints the address the echo server saw. */
const ECHO_CLIENT = `
const [address, port, size] = process.argv.slice(1);
const socket = require('node:dgram').createSocket('udp4');
const payload = Buffer.alloc(Number(size));
let tries = 0;
const send = () => {
  if (tries++ === 3) process.exit(1);
  socket.send(payload, Number(port), address);
  setTimeout(send, 1000);
};
socket.on('message', (reply) => {
  if (reply.length !== payload.length) process.exit(2);
  console.log(reply.subarray(0, 16).toString().replace(/\\0+$/, ''));
  process.exit(0);
});
send();
`;

/** Namespaces named `thrice-<role>-<random>`, deleted (and their echo servers stopped) by `destroy`. */
export class NamespaceLab {
  private readonly suffix = randomBytes(3).toString('hex');
  private readonly namespaces: string[] = [];
  private readonly servers: ChildProcess[] = [];
  private readonly scripts = mkdtempSync(join(tmpdir(), 'thrice-lab-'));

  add(role: string): string {
    const netns = `thrice-${role}-${this.suffix}`;
    execFileSync('ip', ['netns', 'add', netns], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.namespaces.push(netns);
    this.ip(netns, 'link', 'set', 'dev', 'lo', 'up');
    return netns;
  }

  ip(netns: string, ...args: string[]): string {
    return execFileSync('ip', ['-n', netns, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Runs a command inside `netns`; the caller checks the status. */
  exec(netns: string, ...command: string[]) {
    return spawnSync('ip', ['netns', 'exec', netns, ...command], { encoding: 'utf8' });
  }

  /** Runs a generated script with `sh` inside `netns`; throws with its output when it fails. */
  run(netns: string, file: OutputFile): void {
    const path = join(this.scripts, netns, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.contents, { mode: 0o755 });
    const run = this.exec(netns, 'sh', path);
    if (run.status !== 0) throw new Error(`${file.path} failed in ${netns} (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  }

  /** Starts a UDP echo server on `address` inside `netns` and waits until it listens. */
  async startEcho(netns: string, address = '0.0.0.0'): Promise<void> {
    const server = spawn('ip', ['netns', 'exec', netns, process.execPath, '-e', ECHO_SERVER, address, ECHO_PORT], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.servers.push(server);
    let stderr = '';
    server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      server.stdout?.once('data', () => resolve());
      server.once('exit', (code) => reject(new Error(`echo server on ${address} in ${netns} exited with ${code}: ${stderr}`)));
    });
  }

  /** Sends `size` bytes of UDP from `netns` to an echo server; the source address it saw, or undefined without a reply. */
  probe(netns: string, address: string, size = 64): string | undefined {
    const run = this.exec(netns, process.execPath, '-e', ECHO_CLIENT, address, ECHO_PORT, String(Math.max(size, 16)));
    return run.status === 0 ? run.stdout.trim() : undefined;
  }

  destroy(): void {
    for (const server of this.servers) server.kill();
    for (const netns of this.namespaces) spawnSync('ip', ['netns', 'del', netns]);
    rmSync(this.scripts, { recursive: true, force: true });
  }
}

/** Whether this kernel makes 802.1Q VLAN devices (CONFIG_VLAN_8021Q), tried in a throwaway namespace. */
export function kernelHasVlans(): boolean {
  if (process.getuid?.() !== 0) return false;
  const lab = new NamespaceLab();
  try {
    const netns = lab.add('vlan-probe');
    lab.ip(netns, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth1');
    lab.ip(netns, 'link', 'add', 'link', 'eth0', 'name', 'eth0.2', 'type', 'vlan', 'id', '2');
    return true;
  } catch {
    return false;
  } finally {
    lab.destroy();
  }
}

export interface VpcLab {
  /** Namespace of each hypervisor and VM, by name. */
  readonly hosts: ReadonlyMap<string, string>;
  readonly vms: ReadonlyMap<string, string>;
  /** The leaves' stand-in, holding each subnet's gateway address. */
  readonly fabric: string;
}

/**
 * Wires the topology's hosts and VMs and runs their scripts (`files`: the hosts' and VMs' setup.sh; hosts twice,
 * VMs twice). The leaves and the EVPN fabric between them are one namespace that delivers what a leaf would:
 * - `tagged`: one VLAN-transparent bridge joins every host uplink, each subnet's gateway on its VLAN there;
 * - untagged (kernels without 802.1Q): the lab makes each host's `eth0.<vlan>` itself, as a veth into a bridge
 *   per VLAN holding the gateway, and the script keeps it (it creates the subinterface only when missing).
 */
export function wireVpcLab(lab: NamespaceLab, ir: TopologyIR, files: readonly OutputFile[], tagged: boolean): VpcLab {
  const fileAt = (path: string): OutputFile => {
    const file = files.find((f) => f.path === path);
    if (!file) throw new Error(`no ${path} among the emitted files`);
    return file;
  };
  const mtu = String(ir.fabric?.mtu ?? 1500);
  const subnets = ir.overlay.vpcs.flatMap((v) => v.subnets);
  const fabric = lab.add('fabric');
  const bridge = (name: string, address?: string): void => {
    lab.ip(fabric, 'link', 'add', 'name', name, 'mtu', mtu, 'type', 'bridge');
    if (address) lab.ip(fabric, 'addr', 'add', address, 'dev', name);
    lab.ip(fabric, 'link', 'set', 'dev', name, 'up');
  };
  /** A veth from `name` in `netns` to a port of `bridgeName` in the fabric. */
  const cable = (netns: string, name: string, port: string, bridgeName: string): void => {
    lab.ip(netns, 'link', 'add', name, 'type', 'veth', 'peer', 'name', port, 'netns', fabric);
    lab.ip(fabric, 'link', 'set', 'dev', port, 'mtu', mtu, 'master', bridgeName, 'up');
  };
  bridge('trunks');
  if (tagged) {
    for (const subnet of subnets) {
      const svi = `trunks.${subnet.vlan}`;
      lab.ip(fabric, 'link', 'add', 'link', 'trunks', 'name', svi, 'type', 'vlan', 'id', String(subnet.vlan));
      lab.ip(fabric, 'addr', 'add', `${subnet.gateway}/${subnet.prefixLength}`, 'dev', svi);
      lab.ip(fabric, 'link', 'set', 'dev', svi, 'up');
    }
  } else {
    for (const subnet of subnets) bridge(`seg${subnet.vlan}`, `${subnet.gateway}/${subnet.prefixLength}`);
  }
  const hosts = new Map<string, string>();
  (ir.fabric?.hosts ?? []).forEach((host, i) => {
    const netns = lab.add(host.name);
    hosts.set(host.name, netns);
    cable(netns, host.uplink, `t${i}`, 'trunks');
    if (!tagged) {
      const vlans = new Set(
        ir.overlay.vms.filter((vm) => vm.host === host.name).map((vm) => subnets.find((s) => s.vpc === vm.vpc && s.name === vm.subnet)?.vlan),
      );
      for (const vlan of vlans) cable(netns, `${host.uplink}.${vlan}`, `h${i}v${vlan}`, `seg${vlan}`);
    }
    lab.run(netns, fileAt(`hosts/${host.name}/setup.sh`));
  });
  const vms = new Map<string, string>();
  for (const vm of ir.overlay.vms) {
    const host = hosts.get(vm.host);
    if (!host) throw new Error(`VM ${vm.name} on unknown host ${vm.host}`);
    const netns = lab.add(vm.name);
    vms.set(vm.name, netns);
    // The hypervisor's stand-in veth: its VM end moves into the VM and becomes the VM's interface.
    lab.ip(host, 'link', 'set', 'dev', `${vm.hostPort}-vm`, 'netns', netns);
    lab.ip(netns, 'link', 'set', 'dev', `${vm.hostPort}-vm`, 'name', vm.interface);
    lab.run(netns, fileAt(`vms/${vm.name}/setup.sh`));
    lab.run(netns, fileAt(`vms/${vm.name}/setup.sh`));
  }
  // Again, now that the VM ends are gone: the ports exist and must be left as they are.
  for (const [name, netns] of hosts) lab.run(netns, fileAt(`hosts/${name}/setup.sh`));
  return { hosts, vms, fabric };
}

export interface LabPod {
  readonly netns: string;
  readonly ip: string;
}

/**
 * A pod on `node` as flannel's CNI plugin (bridge, host-local IPAM) would make it: `eth0` on a veth into
 * `cni0` with the cluster's pod MTU, the address after the bridge's, default route via the bridge.
 */
export function attachPod(lab: NamespaceLab, nodeNetns: string, cluster: ClusterIR, node: ClusterNodeIR): LabPod {
  const [gateway = '', prefix = ''] = node.bridgeAddress.split('/');
  const ip = formatAddress((parseAddress(gateway) ?? 0) + 1);
  const netns = lab.add(`pod-${node.name}`);
  const mtu = String(cluster.cni.mtu);
  lab.ip(netns, 'link', 'add', 'eth0', 'mtu', mtu, 'type', 'veth', 'peer', 'name', 'veth0', 'mtu', mtu, 'netns', nodeNetns);
  lab.ip(nodeNetns, 'link', 'set', 'dev', 'veth0', 'master', 'cni0', 'up');
  lab.ip(netns, 'link', 'set', 'dev', 'eth0', 'up');
  lab.ip(netns, 'addr', 'add', `${ip}/${prefix}`, 'dev', 'eth0');
  lab.ip(netns, 'route', 'add', 'default', 'via', gateway);
  return { netns, ip };
}
