import type { SerialPort } from 'serialport';
import { openSerial } from '../../serial/serial-endpoint.ts';

/** A serial scanner emulator on the device end of a pty: it sends scans CR-terminated, as RS-232 scanners do. */
export class LabSerialScanner {
  private constructor(private readonly port: SerialPort) {
    // The lab pulls the pty away while closing; the port's "unplugged" error then has nobody to tell.
    port.on('error', () => undefined);
  }

  static async open(path: string, baudRate = 9600): Promise<LabSerialScanner> {
    return new LabSerialScanner(await openSerial({ path, baudRate }));
  }

  /** Sends one scan: the data then CR. */
  scan(data: string): void {
    this.write(Buffer.from(`${data}\r`, 'latin1'));
  }

  /** Sends raw bytes (split scans, line noise). */
  write(bytes: Uint8Array): void {
    this.port.write(bytes);
  }

  async close(): Promise<void> {
    if (!this.port.isOpen) return;
    await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }
}
