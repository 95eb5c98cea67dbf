import { describe, expect, it } from 'vitest';
import { ENDPOINT_MESSAGES, createPaymentTerminal, createPrinter, createScanner, parseEndpoint } from './index.ts';
import { ZvtTcpTerminal } from './payment/transports/zvt-tcp-terminal.ts';
import { EscPosTcpPrinter } from './printer/transports/tcp-printer.ts';
import { TcpLineScanner } from './scanner/transports/tcp-scanner.ts';

describe('device endpoints', () => {
  it('parses tcp://host:port and falls back to the device class default port', () => {
    expect(parseEndpoint('tcp://127.0.0.1:19100')).toEqual({ host: '127.0.0.1', port: 19100 });
    expect(parseEndpoint('tcp://printer.local', 9100)).toEqual({ host: 'printer.local', port: 9100 });
    expect(() => parseEndpoint('tcp://scanner.local')).toThrow(ENDPOINT_MESSAGES.port('tcp://scanner.local'));
  });

  it('creates the TCP implementation of each device class', () => {
    expect(createPrinter('tcp://127.0.0.1:9100')).toBeInstanceOf(EscPosTcpPrinter);
    expect(createScanner('tcp://127.0.0.1:19200')).toBeInstanceOf(TcpLineScanner);
    expect(createPaymentTerminal('tcp://127.0.0.1:20007')).toBeInstanceOf(ZvtTcpTerminal);
  });

  it('says that serial:// and hid:// come with issue #4, and rejects unknown schemes clearly', () => {
    expect(() => createScanner('serial:///dev/ttyUSB0')).toThrow('serial:// devices are not supported yet (serial:// and hid:// come with issue #4)');
    expect(() => createScanner('hid://0x0c2e:0x0b61')).toThrow(/issue #4/);
    expect(() => createPrinter('usb://printer')).toThrow('unknown device endpoint scheme "usb:"');
    expect(() => createPrinter('not a url')).toThrow(ENDPOINT_MESSAGES.invalid('not a url'));
  });
});
