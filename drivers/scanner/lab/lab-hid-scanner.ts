import net from 'node:net';
import { listenTcp, portOf } from '../../lab/listen.ts';
import { encodeScannedDataReports } from '../protocol/hid-pos-report.ts';
import { frameReport } from '../protocol/hid-report-stream.ts';

/**
 * A USB HID POS scanner emulator: it sends the Scanned Data Reports a real one sends, each
 * length-prefixed, to every till connected to its "HID report stream" (hidlab://host:port).
 * unplug() closes the connections and stops listening, as pulling the cable takes the device
 * away; plug() listens on the same port again.
 */
export class LabHidScanner {
  private readonly clients = new Set<net.Socket>();
  private server: net.Server | undefined;
  private readonly host: string;
  private listenPort: number;

  private constructor(server: net.Server, host: string) {
    this.host = host;
    this.listenPort = portOf(server);
    this.attach(server);
  }

  static async start(options: { host?: string; port?: number } = {}): Promise<LabHidScanner> {
    const host = options.host ?? '127.0.0.1';
    return new LabHidScanner(await listenTcp({ host, port: options.port ?? 0 }), host);
  }

  get port(): number {
    return this.listenPort;
  }

  get connections(): number {
    return this.clients.size;
  }

  get plugged(): boolean {
    return this.server !== undefined;
  }

  /** Sends one scan as HID POS reports (split across reports past 56 bytes). Returns how many tills got it. */
  scan(data: string, symbology?: string): number {
    for (const report of encodeScannedDataReports(data, symbology)) this.writeReport(report);
    return this.clients.size;
  }

  /** Sends one raw report (tests send corrupted ones). */
  writeReport(report: Uint8Array): number {
    const frame = frameReport(report);
    for (const client of this.clients) client.write(frame);
    return this.clients.size;
  }

  /** Pulls the cable: the tills see the device go away, and cannot find it until plug(). */
  async unplug(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const client of this.clients) client.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Plugs it back in, at the same port. */
  async plug(): Promise<void> {
    if (this.server) return;
    this.attach(await listenTcp({ host: this.host, port: this.listenPort }));
  }

  async close(): Promise<void> {
    await this.unplug();
  }

  private attach(server: net.Server): void {
    this.server = server;
    server.on('connection', (socket) => {
      socket.setNoDelay(true);
      this.clients.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => this.clients.delete(socket));
    });
  }
}
