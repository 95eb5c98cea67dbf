import type { Duplex } from 'node:stream';
import { createEmitter, type Unsubscribe } from '../../device.ts';
import { StreamDevice } from '../../reconnecting-device.ts';
import { stripScan } from '../protocol/barcode.ts';
import { LineFramer } from '../protocol/line-framer.ts';
import type { BarcodeScanner, Scan } from '../types.ts';

export interface LineScannerOptions {
  /** The endpoint, for the log and each scan's `source`. */
  source: string;
  /** Opens the byte stream (a TCP socket, a serial port); rejects when the scanner is not there. */
  openStream: () => Promise<Duplex>;
  /** Wait before reconnecting after the scanner went away or could not be opened; default 1000 ms. */
  reconnectDelayMs?: number;
}

/**
 * A scanner sending CR/CRLF-terminated scans over a byte stream: serial scanners, and network
 * scanners or serial-over-IP converters. It reopens the stream until closed, so a scanner that is
 * unplugged and plugged back in comes back without a restart.
 */
export class LineScanner extends StreamDevice implements BarcodeScanner {
  private readonly events = createEmitter<{ data: Scan }>();
  private readonly framer = new LineFramer();

  constructor(options: LineScannerOptions) {
    super(options.source, options.openStream, options.reconnectDelayMs);
  }

  onData(cb: (scan: Scan) => void): Unsubscribe {
    return this.events.on('data', cb);
  }

  protected attach(stream: Duplex): void {
    this.framer.reset();
    stream.on('data', (chunk: Buffer) => {
      for (const line of this.framer.push(chunk)) {
        const { data, symbology } = stripScan(line);
        const source = this.endpoint;
        this.events.emit('data', symbology ? { data, symbology, source } : { data, source });
      }
    });
  }
}
