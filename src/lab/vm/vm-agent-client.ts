// The host's side of the lab VM's control channel: qemu's unix socket to the virtio-serial port the guest agent reads.
import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';
import { LabError } from '../lab-error.js';

export interface ExecResult {
  readonly exit: number | null;
  readonly signal: string | null;
}

interface Reply {
  readonly id?: string;
  readonly pong?: boolean;
  readonly uptime?: number;
  readonly fd?: 1 | 2;
  readonly data?: string;
  readonly exit?: number | null;
  readonly signal?: string | null;
  readonly error?: string;
}

/**
 * One request over one connection, resolved by the reply that ends it. `resendMs` repeats the request (with a new id)
 * while none has answered: the first bytes sent before the agent opened its port are lost. qemu serves one client at a
 * time; a second waits in the socket's backlog until the first disconnects.
 */
function request(socket: string, body: Record<string, unknown>, options: { timeoutMs: number; resendMs?: number; onEvent?: (r: Reply) => void }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const ids = new Set<string>();
    const connection = createConnection(socket);
    let buffered = '';
    let settled = false;
    let resend: NodeJS.Timeout | undefined;
    const finish = (error: Error | undefined, reply?: Reply): void => {
      if (settled) return;
      settled = true;
      clearInterval(resend);
      clearTimeout(timer);
      connection.destroy();
      if (error) reject(error);
      else resolve(reply as Reply);
    };
    const timer = setTimeout(() => finish(new LabError(`the lab VM's agent did not answer within ${Math.round(options.timeoutMs / 1000)} s`)), options.timeoutMs);
    const send = (): void => {
      const id = randomBytes(6).toString('hex');
      ids.add(id);
      connection.write(`${JSON.stringify({ ...body, id })}\n`);
    };
    connection.on('connect', () => {
      send();
      if (options.resendMs) resend = setInterval(send, options.resendMs);
    });
    connection.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        let reply: Reply;
        try {
          reply = JSON.parse(line) as Reply;
        } catch {
          continue;
        }
        if (!reply.id || !ids.has(reply.id)) continue;
        clearInterval(resend);
        if (reply.fd !== undefined) options.onEvent?.(reply);
        else if (reply.error !== undefined) finish(new LabError(`the lab VM's agent: ${reply.error}`));
        else finish(undefined, reply);
      }
    });
    connection.on('error', (error) => finish(error));
    connection.on('close', () => finish(new LabError("the lab VM's control channel closed (did the VM stop?)")));
  });
}

/** Resolves with the guest's uptime once the agent answers; rejects after `timeoutMs` or as soon as `alive()` is false. */
export async function waitForAgent(socket: string, timeoutMs: number, alive: () => boolean): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new LabError('the lab VM stopped while booting');
    try {
      const reply = await request(socket, { op: 'ping' }, { timeoutMs: Math.min(5000, Math.max(1, deadline - Date.now())), resendMs: 1000 });
      return reply.uptime ?? 0;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new LabError(`the lab VM's agent did not answer within ${Math.round(timeoutMs / 1000)} s`);
}

/** Runs argv in the VM, handing its output over as it comes. */
export async function execInVm(
  socket: string,
  argv: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs: number; stdout: (text: string) => void; stderr: (text: string) => void },
): Promise<ExecResult> {
  const reply = await request(
    socket,
    { op: 'exec', argv, ...(options.cwd ? { cwd: options.cwd } : {}), ...(options.env ? { env: options.env } : {}) },
    { timeoutMs: options.timeoutMs, onEvent: (r) => (r.fd === 1 ? options.stdout : options.stderr)(r.data ?? '') },
  );
  return { exit: reply.exit ?? null, signal: reply.signal ?? null };
}
