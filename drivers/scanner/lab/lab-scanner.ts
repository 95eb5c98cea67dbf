import net from 'node:net';
import { listenTcp, portOf } from '../../lab/listen.ts';

/** A scanner emulator: a TCP server that sends scans, CR-terminated, to every connected till. */
export class LabScanner {
  private readonly clients = new Set<net.Socket>();

  private constructor(private readonly server: net.Server) {
    server.on('connection', (socket) => {
      socket.setNoDelay(true);
      this.clients.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => this.clients.delete(socket));
    });
  }

  /** Listens on host:port (port 0 picks a free one). */
  static async start(options: { host?: string; port?: number } = {}): Promise<LabScanner> {
    return new LabScanner(await listenTcp(options));
  }

  get port(): number {
    return portOf(this.server);
  }

  get connections(): number {
    return this.clients.size;
  }

  /** Sends one scan as a scanner would: the data then CR. Returns how many clients got it. */
  scan(data: string): number {
    return this.write(Buffer.from(`${data}\r`, 'latin1'));
  }

  /** Sends raw bytes (tests use it to split or merge scans across packets). */
  write(bytes: Uint8Array): number {
    for (const client of this.clients) client.write(bytes);
    return this.clients.size;
  }

  /** Drops every client connection (the scanner went away) but keeps listening. */
  dropConnections(): void {
    for (const client of this.clients) client.destroy();
  }

  async close(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
