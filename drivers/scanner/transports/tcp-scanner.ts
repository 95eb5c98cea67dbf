import net from 'node:net';
import { LineScanner } from './line-scanner.ts';

export interface TcpLineScannerOptions {
  host: string;
  port: number;
  /** Wait before reconnecting after the peer went away or refused; default 1000 ms. */
  reconnectDelayMs?: number;
}

/** Opens a TCP connection as a byte stream; rejects when the peer refuses or is not there. */
export function openTcp(host: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    socket.setNoDelay(true);
    socket.once('connect', () => {
      socket.off('error', reject);
      socket.setKeepAlive(true, 5_000);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/**
 * A scanner behind a serial-over-IP converter (or a network scanner) sending CR/CRLF-terminated
 * scans. This side is the TCP client; it reconnects until closed.
 */
export class TcpLineScanner extends LineScanner {
  constructor(options: TcpLineScannerOptions) {
    super({
      source: `tcp://${options.host}:${options.port}`,
      openStream: () => openTcp(options.host, options.port),
      ...(options.reconnectDelayMs === undefined ? {} : { reconnectDelayMs: options.reconnectDelayMs }),
    });
  }
}
