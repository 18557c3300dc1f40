// The programs a probe runs inside the lab's namespaces, written into the lab directory: Node for TCP/UDP, Python for ICMP echo.

/**
 * `listen tcp:P udp:P udp:P@A,B ...` binds every port on all addresses (UDP with `@`: on each address listed, so that
 * an echo leaves from the address it was sent to) and prints one JSON line {busy: [...]} once ready
 * (ports something else already holds, e.g. a VXLAN device's UDP socket); TCP connections get a line and are
 * closed, UDP datagrams are echoed. `connect tcp|udp HOST PORT BIND|- TIMEOUT_MS` prints one JSON line
 * {ok, detail, ms}: ok when the TCP handshake completes or the UDP echo comes back. BIND is a source address, an
 * address and a source port (`ADDR:PORT`), or only a port (`:PORT`).
 */
export const NODE_AGENT = String.raw`
import net from 'node:net';
import dgram from 'node:dgram';
const [mode, ...args] = process.argv.slice(2);
const print = (value) => process.stdout.write(JSON.stringify(value) + '\n');
if (mode === 'listen') {
  const busy = [];
  await Promise.all(args.map((spec) => new Promise((done) => {
    const [proto, rest] = spec.split(':');
    const [port, on] = rest.split('@');
    const fail = () => { busy.push(proto + ':' + port); done(); };
    if (proto === 'tcp') {
      const server = net.createServer((s) => { s.on('error', () => {}); s.end('thrice\n'); });
      server.once('error', fail);
      server.listen({ port: Number(port), host: '0.0.0.0' }, done);
    } else {
      const addresses = on ? on.split(',') : ['0.0.0.0'];
      let left = addresses.length;
      for (const address of addresses) {
        const socket = dgram.createSocket('udp4');
        socket.once('error', fail);
        socket.on('message', (msg, from) => socket.send(msg, from.port, from.address));
        socket.bind(Number(port), address, () => { if (--left === 0) done(); });
      }
    }
  })));
  print({ busy });
  process.on('SIGTERM', () => process.exit(0));
} else if (mode === 'connect') {
  const [proto, host, port, bind, timeout] = args;
  const started = Date.now();
  const [bindAddress, bindPort] = bind === '-' ? [] : bind.split(':');
  const localAddress = bindAddress ? bindAddress : undefined;
  const localPort = bindPort ? Number(bindPort) : undefined;
  const finish = (ok, detail) => { print({ ok, detail, ms: Date.now() - started }); process.exit(0); };
  setTimeout(() => finish(false, 'timeout'), Number(timeout));
  if (proto === 'tcp') {
    const s = net.connect({ host, port: Number(port), localAddress, localPort });
    s.on('connect', () => { s.destroy(); finish(true, 'connected'); });
    s.on('error', (e) => finish(false, e.code === 'ECONNREFUSED' ? 'refused' : e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH' ? 'unreachable' : String(e.code)));
  } else {
    const socket = dgram.createSocket('udp4');
    socket.on('error', (e) => finish(false, e.code === 'ECONNREFUSED' ? 'refused' : String(e.code)));
    socket.on('message', () => finish(true, 'echoed'));
    socket.bind({ port: localPort ?? 0, address: localAddress }, () => socket.connect(Number(port), host, () => socket.send('thrice lab probe')));
  }
}
`;

/** `ICMP echo HOST BIND|- TIMEOUT_MS` with a raw socket (root), printing the same JSON line as the Node agent. */
export const PYTHON_ICMP = String.raw`
import json, os, select, socket, struct, sys, time
host, bind, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3]) / 1000
ident = os.getpid() & 0xffff
def checksum(data):
    total = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    total = (total >> 16) + (total & 0xffff)
    return ~(total + (total >> 16)) & 0xffff
payload = b'thrice lab probe'
header = struct.pack('!BBHHH', 8, 0, 0, ident, 1)
packet = struct.pack('!BBHHH', 8, 0, checksum(header + payload), ident, 1) + payload
s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
if bind != '-':
    s.bind((bind, 0))
start = time.time()
try:
    s.sendto(packet, (host, 0))
except OSError as e:
    print(json.dumps({'ok': False, 'detail': 'unreachable' if e.errno in (101, 113) else str(e), 'ms': 0})); sys.exit(0)
while True:
    left = timeout - (time.time() - start)
    if left <= 0 or not select.select([s], [], [], left)[0]:
        print(json.dumps({'ok': False, 'detail': 'timeout', 'ms': int((time.time() - start) * 1000)})); break
    data, addr = s.recvfrom(2048)
    ihl = (data[0] & 0x0f) * 4
    kind, _, _, rid, _ = struct.unpack('!BBHHH', data[ihl:ihl + 8])
    if kind == 0 and rid == ident and addr[0] == host:
        print(json.dumps({'ok': True, 'detail': 'echo reply', 'ms': int((time.time() - start) * 1000)})); break
    if kind == 3 and data[ihl + 8 + 20 + 4:ihl + 8 + 20 + 6] == struct.pack('!H', ident):
        print(json.dumps({'ok': False, 'detail': 'unreachable', 'ms': int((time.time() - start) * 1000)})); break
`;
