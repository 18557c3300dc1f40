// The agent inside the lab VM: line-delimited JSON over the virtio-serial port `thrice.ctl`, run by the guest's init.

/**
 * Requests, one JSON object per line: `{id, op: 'ping'}`, `{id, op: 'exec', argv, cwd?, env?}`.
 * An exec streams `{id, fd: 1|2, data}` as its output comes and ends with `{id, exit, signal}`; a failure to start is
 * `{id, error}`. Only one host client is connected at a time (qemu's socket chardev), and replies carry the request's
 * id, so a client ignores what an earlier, disconnected one left in flight. The port reads 0 bytes while no client is
 * connected, which is not an end of file: the reader polls gently instead.
 */
export const GUEST_AGENT = String.raw`'use strict';
const fs = require('fs');
const { spawn } = require('child_process');
const { StringDecoder } = require('string_decoder');
const log = (m) => { try { fs.writeFileSync('/dev/console', '[thrice-agent] ' + m + '\n'); } catch {} };
function findPort() {
  const base = '/sys/class/virtio-ports';
  for (const d of fs.readdirSync(base)) {
    try { if (fs.readFileSync(base + '/' + d + '/name', 'utf8').trim() === 'thrice.ctl') return '/dev/' + d; } catch {}
  }
  return null;
}
let dev = null;
for (let i = 0; i < 200 && !(dev = findPort()); i++) require('child_process').execSync('sleep 0.05');
if (!dev) { log('no virtio port thrice.ctl'); process.exit(1); }
const fd = fs.openSync(dev, 'r+');
log('listening on ' + dev + ', uptime ' + fs.readFileSync('/proc/uptime', 'utf8').split(' ')[0] + 's');
function send(obj) {
  const buf = Buffer.from(JSON.stringify(obj) + '\n');
  let off = 0;
  while (off < buf.length) {
    try { off += fs.writeSync(fd, buf, off, buf.length - off); }
    catch (e) { if (e.code === 'EAGAIN') continue; return; }
  }
}
function handle(req) {
  const id = req.id;
  if (req.op === 'ping') return send({ id, pong: true, uptime: Number(fs.readFileSync('/proc/uptime', 'utf8').split(' ')[0]) });
  if (req.op !== 'exec' || !Array.isArray(req.argv) || req.argv.length === 0) return send({ id, error: 'unknown request ' + JSON.stringify(req.op) });
  let child;
  try {
    child = spawn(req.argv[0], req.argv.slice(1), { cwd: req.cwd || '/', env: Object.assign({}, process.env, req.env || {}), stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) { return send({ id, error: String(e) }); }
  for (const [stream, n] of [[child.stdout, 1], [child.stderr, 2]]) {
    const decoder = new StringDecoder('utf8');
    stream.on('data', (d) => { const data = decoder.write(d); if (data) send({ id, fd: n, data }); });
  }
  child.on('error', (e) => send({ id, error: String(e) }));
  child.on('close', (code, signal) => send({ id, exit: code, signal }));
}
let decoder = new StringDecoder('utf8');
let pending = '';
const rbuf = Buffer.alloc(65536);
function readLoop() {
  fs.read(fd, rbuf, 0, rbuf.length, null, (e, n) => {
    if (e) { log('read error ' + e.code); return setTimeout(readLoop, 200); }
    if (n === 0) { pending = ''; decoder = new StringDecoder('utf8'); return setTimeout(readLoop, 20); }
    pending += decoder.write(rbuf.subarray(0, n));
    let nl;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (!line.trim()) continue;
      let req;
      try { req = JSON.parse(line); } catch { continue; }
      try { handle(req); } catch (e) { send({ id: req.id, error: String(e) }); }
    }
    readLoop();
  });
}
readLoop();
`;
