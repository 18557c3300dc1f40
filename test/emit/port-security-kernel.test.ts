// Port security for real: a VM's emitted chain in a hypervisor's bridge table drops forged frames from its port and passes honest ones.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { nftablesEmitter } from '../../src/emit/nftables/nftables-emitter.js';
import type { TopologyIR } from '../../src/ir/topology-ir.js';
import type { VmIR } from '../../src/ir/overlay-ir.js';
import { nftablesTopology } from '../helpers/nftables-fixtures.js';
import { NamespaceLab } from '../helpers/host-vm-lab.js';
import { NftChecker } from '../helpers/nft-checker.js';
import { hasCommand, testNeeding } from './test-needing.js';

const isRoot = process.getuid?.() === 0;
const asRoot = testNeeding('root, nft, ip and python3 (raw sockets in network namespaces)', isRoot && hasCommand('nft') && hasCommand('ip') && hasCommand('python3'));

/** hv1 with its VMs' security groups and firewalls left out: what remains is port security, stateless, which loads without bridge conntrack. */
function portSecurityOnly(): TopologyIR {
  const ir = nftablesTopology();
  return { ...ir, firewalls: [], overlay: { ...ir.overlay, vms: ir.overlay.vms.map((vm) => ({ ...vm, securityGroups: [] })) } };
}

const SNIFF = `
import socket, sys, time
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
s.bind((sys.argv[1], 0))
s.settimeout(0.2)
print('ready', flush=True)
seen = set()
end = time.time() + float(sys.argv[2])
while time.time() < end:
    try:
        frame = s.recv(65535)
    except socket.timeout:
        continue
    at = frame.find(b'MARK:')
    if at >= 0:
        seen.add(frame[at + 5:at + 13].decode(errors='replace'))
print(' '.join(sorted(seen)))
`;
const SEND = `
import socket, sys
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind((sys.argv[1], 0))
for frame in sys.argv[2:]:
    s.send(bytes.fromhex(frame))
`;

const mac = (text: string): Buffer => Buffer.from(text.split(':').join(''), 'hex');
const ipv4 = (text: string): Buffer => Buffer.from(text.split('.').map(Number));
const u16 = (n: number): Buffer => Buffer.from([n >> 8, n & 0xff]);
const marker = (name: string): Buffer => Buffer.from(`MARK:${name.padEnd(8, '_')}`);

function checksum(header: Buffer): Buffer {
  let sum = 0;
  for (let i = 0; i < header.length; i += 2) sum += header.readUInt16BE(i);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >> 16);
  return u16(~sum & 0xffff);
}

function ipPacket(src: string, dst: string, payload: Buffer): Buffer {
  const header = Buffer.concat([Buffer.from([0x45, 0]), u16(20 + 8 + payload.length), u16(0), u16(0x4000), Buffer.from([64, 17]), u16(0), ipv4(src), ipv4(dst)]);
  checksum(header).copy(header, 10);
  const udp = Buffer.concat([u16(40000), u16(9), u16(8 + payload.length), u16(0)]);
  return Buffer.concat([header, udp, payload]);
}

/** IPv6 from fe80::1 to ff02::1 with no next header: the bridge's multicast snooping passes only well-formed headers. */
function ipv6Packet(payload: Buffer): Buffer {
  const fe80 = Buffer.concat([Buffer.from([0xfe, 0x80]), Buffer.alloc(13), Buffer.from([1])]);
  const ff02 = Buffer.concat([Buffer.from([0xff, 0x02]), Buffer.alloc(13), Buffer.from([1])]);
  return Buffer.concat([Buffer.from([0x60, 0, 0, 0]), u16(payload.length), Buffer.from([59, 64]), fe80, ff02, payload]);
}

const BROADCAST = mac('ff:ff:ff:ff:ff:ff');
const ether = (src: string, type: number, body: Buffer): Buffer => Buffer.concat([BROADCAST, mac(src), u16(type), body]);
/** An ARP request as `senderMac` claiming `senderIp` (gratuitous when it asks for its own address). */
const arp = (senderMac: string, senderIp: string, name: string): Buffer =>
  ether(senderMac, 0x0806, Buffer.concat([u16(1), u16(0x0800), Buffer.from([6, 4]), u16(1), mac(senderMac), ipv4(senderIp), Buffer.alloc(6), ipv4(senderIp), marker(name)]));

/** Each frame the VM might send, named, with whether port security lets it through. */
function frames(vm: VmIR, peerIp: string): { name: string; frame: Buffer; passes: boolean }[] {
  const m = vm.mac.toLowerCase();
  const other = '02:66:66:66:66:66';
  return [
    { name: 'honest', frame: ether(m, 0x0800, ipPacket(vm.ip, peerIp, marker('honest'))), passes: true },
    { name: 'arp-own', frame: arp(m, vm.ip, 'arp-own'), passes: true },
    { name: 'spoofip', frame: ether(m, 0x0800, ipPacket('10.1.1.99', peerIp, marker('spoofip'))), passes: false },
    { name: 'spoofmac', frame: ether(other, 0x0800, ipPacket(vm.ip, peerIp, marker('spoofmac'))), passes: false },
    { name: 'arp-othr', frame: arp(m, '10.1.1.99', 'arp-othr'), passes: false },
    { name: 'arp-mac', frame: arp(other, vm.ip, 'arp-mac'), passes: false },
    { name: 'tagged', frame: ether(m, 0x8100, Buffer.concat([u16(7), u16(0x0800), ipPacket(vm.ip, peerIp, marker('tagged'))])), passes: false },
    { name: 'ipv6', frame: ether(m, 0x86dd, ipv6Packet(marker('ipv6'))), passes: false },
    { name: 'other', frame: ether(m, 0x88b5, marker('other')), passes: false },
  ];
}

/** Sends the frames from the VM's eth0 and returns the names of those the peer's eth0 received, in the order given. */
async function delivered(lab: NamespaceLab, from: string, to: string, cases: readonly { name: string; frame: Buffer }[]): Promise<string[]> {
  const sniffer = spawn('ip', ['netns', 'exec', to, 'python3', '-c', SNIFF, 'eth0', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const ready = new Promise<void>((resolve) => sniffer.stdout.once('data', () => resolve()));
  sniffer.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<void>((resolve) => sniffer.once('exit', () => resolve()));
  await ready;
  const sent = lab.exec(from, 'python3', '-c', SEND, 'eth0', ...cases.map((c) => c.frame.toString('hex')));
  expect(sent.stderr).toBe('');
  await done;
  const seen = new Set(out.replace('ready', '').trim().split(/\s+/).map((s) => s.replace(/_+$/, '')));
  return cases.filter((c) => seen.has(c.name)).map((c) => c.name);
}

describe('port security in the bridge table of a hypervisor namespace', () => {
  const ir = portSecurityOnly();
  const file = nftablesEmitter.emit(ir).find((f) => f.path === 'nftables/hv1.nft');
  const vm = ir.overlay.vms.find((v) => v.name === 'k8s-1') as VmIR;
  const lab = new NamespaceLab();
  const checker = new NftChecker();
  const dir = mkdtempSync(join(tmpdir(), 'thrice-ps-'));
  beforeAll(() => {
    if (isRoot) checker.open();
  });
  afterAll(() => {
    lab.destroy();
    checker.close();
    rmSync(dir, { recursive: true, force: true });
  });

  asRoot('the emitted hypervisor file is port security only, and nft -c accepts it', () => {
    expect(file?.contents).toMatch(/chain ps_k8s-1 \{/);
    expect(file?.contents).not.toMatch(/\bct /);
    const result = checker.check('hv1.nft', file?.contents ?? '');
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  asRoot('forged MAC, forged IP, ARP for another address, tagged, IPv6 and other ethertypes drop; honest IPv4 and ARP pass', async () => {
    const hv = lab.add('pshv');
    const vmNs = lab.add('psvm');
    const peer = lab.add('pspeer');
    lab.ip(hv, 'link', 'add', 'vlan2', 'type', 'bridge');
    lab.ip(hv, 'link', 'set', 'vlan2', 'up');
    lab.ip(hv, 'link', 'add', vm.hostPort, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', vmNs);
    lab.ip(hv, 'link', 'add', 'toleaf', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', peer);
    for (const port of [vm.hostPort, 'toleaf']) lab.ip(hv, 'link', 'set', port, 'master', 'vlan2', 'up');
    for (const ns of [vmNs, peer]) lab.ip(ns, 'link', 'set', 'eth0', 'up');
    const cases = frames(vm, '10.1.1.1');
    // Without the ruleset the bridge delivers every one of them: what drops later is port security's doing.
    expect(await delivered(lab, vmNs, peer, cases)).toEqual(cases.map((c) => c.name));
    const path = join(dir, 'hv1.nft');
    writeFileSync(path, file?.contents ?? '');
    const loaded = lab.exec(hv, 'nft', '-f', path);
    expect(loaded.stderr).toBe('');
    expect(loaded.status).toBe(0);
    expect(await delivered(lab, vmNs, peer, cases)).toEqual(cases.filter((c) => c.passes).map((c) => c.name));
  });
});
