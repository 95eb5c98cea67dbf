import net from 'node:net';
import { createEmitter } from '../../device.ts';
import { ReportStreamReader } from '../protocol/hid-report-stream.ts';
import { HID_MESSAGES, type HidReportLink, type HidReportSource } from './hid-report-source.ts';

/**
 * The lab's HID report stream as a report source (hidlab://host:port): the lab scanner sends the
 * raw input reports a HID POS scanner would, length-prefixed over loopback TCP. "Plugged in" is
 * the lab accepting the connection; the lab's unplug closes it and refuses new ones.
 */
export class HidLabSource implements HidReportSource {
  readonly name: string;

  constructor(private readonly endpoint: { host: string; port: number }) {
    this.name = `hidlab://${endpoint.host}:${endpoint.port}`;
  }

  open(): Promise<HidReportLink> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(this.endpoint);
      socket.once('error', (error) => reject(new Error(`${HID_MESSAGES.notPresent(this.name)}: ${error.message}`)));
      socket.once('connect', () => {
        socket.setNoDelay(true);
        const events = createEmitter<{ report: Buffer; gone: string }>();
        const reader = new ReportStreamReader();
        let gone = false;
        const goneWith = (reason: string): void => {
          if (gone) return;
          gone = true;
          events.emit('gone', reason);
        };
        socket.on('data', (chunk: Buffer) => {
          try {
            for (const report of reader.push(chunk)) events.emit('report', report);
          } catch (error) {
            // The stream is out of step: drop it, as a read error on a real device would.
            goneWith((error as Error).message);
            socket.destroy();
          }
        });
        socket.on('error', () => undefined);
        socket.once('close', () => goneWith(HID_MESSAGES.labGone(this.name)));
        resolve({
          onReport: (cb) => events.on('report', cb),
          onGone: (cb) => events.on('gone', cb),
          close: () =>
            new Promise<void>((done) => {
              gone = true;
              if (socket.destroyed) return done();
              socket.once('close', () => done());
              socket.destroy();
            }),
        });
      });
    });
  }
}
