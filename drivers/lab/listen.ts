import net from 'node:net';

/** Opens a TCP server for a lab emulator on host:port (port 0 picks a free one); rejects if the port is taken. */
export async function listenTcp(options: { host?: string; port?: number } = {}): Promise<net.Server> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

export function portOf(server: net.Server): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}
