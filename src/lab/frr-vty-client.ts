// Asks an FRR daemon one command over its vty socket, as vtysh does, without starting a vtysh process per question.
import { connect } from 'node:net';

/**
 * vtysh's protocol: the command line ending in a NUL byte; the daemon answers with the output, then three NUL
 * bytes and a status byte (0 for success). One connection per command keeps the daemon's vty state out of it.
 */
export function askDaemon(socketPath: string, command: string, timeoutMs = 5000, options: { enable?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    // Some show commands (bfdd's) exist in enable mode only: `enable` first, on the same connection.
    let enabling = options.enable === true;
    const socket = connect({ path: socketPath });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer from ${socketPath} to "${command}"`));
    }, timeoutMs);
    socket.on('connect', () => socket.write(`${enabling ? 'enable' : command}\0`));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const all = Buffer.concat(chunks);
      const end = all.length - 4;
      if (end >= 0 && all[end] === 0 && all[end + 1] === 0 && all[end + 2] === 0 && enabling && all[end + 3] === 0) {
        enabling = false;
        chunks = [];
        socket.write(`${command}\0`);
      } else if (end >= 0 && all[end] === 0 && all[end + 1] === 0 && all[end + 2] === 0) {
        clearTimeout(timer);
        socket.destroy();
        const status = all[end + 3];
        if (status === 0) resolve(all.subarray(0, end).toString('utf8'));
        else reject(new Error(`"${command}" failed on ${socketPath} (status ${status}): ${all.subarray(0, end).toString('utf8').trim()}`));
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
